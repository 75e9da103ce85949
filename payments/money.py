"""Money at the provider boundary: integers in the currency's minor units
there, ``Decimal`` everywhere else."""

from decimal import Decimal

# ISO 4217 currencies without minor units; everything else here has two.
ZERO_DECIMAL = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX",
                "VND", "VUV", "XAF", "XOF", "XPF"}  # fmt: skip


def _exponent(currency: str) -> int:
    return 0 if currency.upper() in ZERO_DECIMAL else 2


def to_minor(amount: Decimal, currency: str) -> int:
    """``Decimal("12.50")`` in GHS -> ``1250``."""
    return int((amount * (10 ** _exponent(currency))).to_integral_value())


def from_minor(minor: int, currency: str) -> Decimal:
    """``1250`` in GHS -> ``Decimal("12.50")``."""
    return (Decimal(minor) / (10 ** _exponent(currency))).quantize(Decimal("0.01"))
