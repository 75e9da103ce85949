import { Link } from 'react-router';
import type { Service } from '../../api/types';
import { useServiceItems, useServices } from '../../hooks/services';
import { useMyVendorProfile } from '../../hooks/vendorProfile';
import { allDone, checklistTarget, onboardingSteps, type Step } from '../../vendor/onboarding';

/** The getting-started checklist on the dashboard, shown while a step is missing. */
export function GettingStarted() {
  const profile = useMyVendorProfile();
  // A vendor listing /api/services/ gets their own services.
  const services = useServices({ page: 1, page_size: 50, ordering: '-created_at' });
  if (!profile.isSuccess || !services.isSuccess) return null;
  const target = checklistTarget(services.data.results);
  return target ? <WithItems hasProfile={profile.data !== null} target={target} /> : <Checklist steps={onboardingSteps({ hasProfile: profile.data !== null, target: null, targetItems: [] })} />;
}

function WithItems({ hasProfile, target }: { hasProfile: boolean; target: Service }) {
  const items = useServiceItems(target.id);
  if (!items.isSuccess) return null;
  return <Checklist steps={onboardingSteps({ hasProfile, target, targetItems: items.data.results })} />;
}

function Checklist({ steps }: { steps: Step[] }) {
  if (allDone(steps)) return null;
  const left = steps.filter((s) => !s.done).length;
  return (
    <section className="card getting-started" aria-labelledby="getting-started">
      <h2 id="getting-started">Get started</h2>
      <p className="muted">
        {left} of {steps.length} steps left before students can order from you.
      </p>
      <ol className="checklist">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'step-done' : 'step-todo'}>
            <span className="step-mark" aria-hidden="true">{s.done ? '✓' : ''}</span>
            <span className="step-label">
              {s.to && !s.done ? <Link to={s.to}>{s.label}</Link> : s.label}
              <span className={`step-state ${s.done ? 'hint-ok' : 'muted'}`}> — {s.done ? 'done' : 'not done yet'}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
