import { useVendorProfile } from '../../hooks/vendorPublic';

/** The mark beside a vendor's name once the campus services team has verified the business. */
export function VerifiedBadge({ verified }: { verified: boolean | undefined }) {
  if (!verified) return null;
  return (
    <span className="badge badge-verified verified-vendor" title="The campus services team checked this business's documents">
      <span aria-hidden="true">✓ </span>Verified
    </span>
  );
}

/** The badge for a vendor known only by id (a service's `vendor`); reads the cached public profile. */
export function VendorVerifiedBadge({ vendorId }: { vendorId: number }) {
  const profile = useVendorProfile(vendorId);
  return <VerifiedBadge verified={profile.data?.is_verified} />;
}
