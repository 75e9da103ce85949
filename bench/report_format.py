"""How the report writes its figures: latencies, rates, shares, bytes, changes."""

COMMAND = "make bench"
NONE = "\u2013"  # an en dash: no figure
MINUS = "\u2212"


def _ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def _rps(value: float) -> str:
    return f"{value:,.1f}" if value < 10 else f"{value:,.0f}"


def _share(value: float) -> str:
    if value < 0.01:
        return f"{value:.2%}"
    return f"{value:.1%}" if value < 0.1 else f"{value:.0%}"


def _cell(row: dict, prev: dict | None = None) -> str:
    r = row["result"]
    before = f" ({_rps(prev['rps'])})" if prev else ""
    return f"{_ms(r.p50_ms)} / {_ms(r.p99_ms)} ms, {_rps(r.rps)}/s{before}"


def _change(now: float | None, before: float | None, *, lower_is_better: bool = False) -> str:
    """Relative change; a regression of 10 % or more is bold, so it stands out."""
    if not now or not before:
        return "new" if not before else NONE
    change = now / before - 1
    text = f"{change:+.0%}".replace("-", MINUS)
    worse = change >= 0.10 if lower_is_better else change <= -0.10
    return f"**{text}**" if worse else text


def _prev(value, fmt) -> str:
    return NONE if value is None else fmt(value)


def _bytes(n: int | None) -> str:
    if n is None:
        return NONE
    if n >= 1_000_000:
        return f"{n / 1e6:,.1f} MB"
    return f"{n / 1e3:,.1f} kB" if n >= 1000 else f"{n} B"
