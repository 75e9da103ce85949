import type { VendorProfile } from '../../api/types';
import { Notice } from '../Notice';

/**
 * A vendor whose profile an admin deactivated still sees it (their own read),
 * told why students do not, and who can lift it.
 */
export function HiddenProfileNotice({ profile }: { profile: VendorProfile | null | undefined }) {
  if (!profile || profile.is_active) return null;
  return (
    <Notice tone="warning" title="Your business is hidden from students">
      <p>
        The campus services team has deactivated this profile, so your services, items and reviews are not shown to anyone
        else, and nobody can order or book. You can still see and edit everything here.
      </p>
      <p>
        To have it shown again, contact the campus services team: only they can lift it. A new profile cannot be created while
        this one is hidden.
      </p>
    </Notice>
  );
}
