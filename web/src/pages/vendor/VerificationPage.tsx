import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/errors';
import type { TrustedProfile, VerificationDocument, VerificationStatus } from '../../api/trust';
import { TextArea } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { LoadError, Spinner } from '../../components/QueryState';
import { VerifiedBadge } from '../../components/trust/VerifiedBadge';
import { trust, useSubmitVerification, useVerification } from '../../hooks/trust';
import { useMyVendorProfile } from '../../hooks/vendorProfile';

const ACCEPT = 'image/jpeg,image/png,application/pdf';
const MAX_FILES = 5;
const MAX_BYTES = 5 * 1024 * 1024;

const STATUS_TEXT: Record<VerificationStatus, { label: string; tone: 'info' | 'success' | 'warning' | 'error'; text: string }> = {
  unverified: { label: 'Not verified', tone: 'info', text: 'Send documents that show your business is real (a registration certificate, a permit, or a letter from the university). Students see a “Verified” badge beside your name once the campus services team has checked them.' },
  pending: { label: 'Waiting for review', tone: 'info', text: 'The campus services team is checking your documents. You will get a notification when they decide.' },
  verified: { label: 'Verified', tone: 'success', text: 'Your business is verified: students see the “Verified” badge beside your name.' },
  rejected: { label: 'Not accepted', tone: 'warning', text: 'The campus services team could not verify your business with these documents. Read their reason below and send new documents.' },
};

/** The vendor's verification: status, the admin's reason, the documents sent, and a form to send more. */
export function VerificationPage() {
  const profile = useMyVendorProfile();
  const p = profile.data as TrustedProfile | null | undefined;
  const verification = useVerification(p?.id ?? null);

  if (profile.isPending || (p && verification.isPending)) {
    return <section className="page narrow"><Spinner label="Loading your verification…" /></section>;
  }
  if (profile.isError || verification.isError) {
    return (
      <section className="page narrow">
        <h1>Verification</h1>
        <LoadError error={profile.error ?? verification.error} onRetry={() => void (profile.refetch(), verification.refetch())} />
      </section>
    );
  }
  if (!p) {
    return (
      <section className="page narrow">
        <h1>Verification</h1>
        <Notice tone="info">
          <p>Create your business profile first; then send documents to have it verified.</p>
        </Notice>
        <p>
          <Link to="/vendor/profile" className="btn">Create your profile</Link>
        </p>
      </section>
    );
  }
  const v = verification.data!;
  const status = STATUS_TEXT[v.verification_status] ?? STATUS_TEXT.unverified;
  return (
    <section className="page narrow verification-page">
      <h1>
        Verification <VerifiedBadge verified={v.verification_status === 'verified'} />
      </h1>
      <section className="card" aria-labelledby="verification-status-title">
        <h2 id="verification-status-title">
          Status: <span className={`verification-status verification-${v.verification_status}`}>{status.label}</span>
        </h2>
        <Notice tone={status.tone}>
          <p>{status.text}</p>
        </Notice>
        {v.verification_reason && (
          <div className="verification-reason">
            <h3>The campus services team says</h3>
            <blockquote>{v.verification_reason}</blockquote>
          </div>
        )}
        {v.note && (
          <p className="muted small">
            Your note: <q>{v.note}</q>
          </p>
        )}
        <Documents documents={v.documents} />
      </section>
      {v.verification_status !== 'pending' && v.verification_status !== 'verified' && <UploadForm profileId={p.id} />}
    </section>
  );
}

function Documents({ documents }: { documents: VerificationDocument[] }) {
  const [error, setError] = useState<unknown>(null);
  if (documents.length === 0) return null;
  async function open(doc: VerificationDocument) {
    setError(null);
    // Private files answer only with the token, so they are fetched, then shown from memory.
    const tab = window.open('', '_blank');
    try {
      const { blob } = await trust.verification.document(doc.url);
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      tab?.close();
      setError(err);
    }
  }
  return (
    <div className="verification-documents">
      <h3>Documents sent</h3>
      {error !== null && <Notice tone="error">{describeError(error)}</Notice>}
      <ul>
        {documents.map((d, i) => (
          <li key={d.id}>
            <button type="button" className="link-button" onClick={() => void open(d)}>
              Document {i + 1}
            </button>{' '}
            <span className="muted small">
              {kindOf(d.content_type)} · {sizeOf(d.size)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function UploadForm({ profileId }: { profileId: number }) {
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const submit = useSubmitVerification(profileId);

  function onFiles(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    setLocalError(
      chosen.length > MAX_FILES
        ? `Choose at most ${MAX_FILES} files.`
        : chosen.some((f) => f.size > MAX_BYTES)
          ? 'Each file must be 5 MB or smaller.'
          : null,
    );
    setFiles(chosen);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (files.length === 0) {
      setLocalError('Choose at least one document.');
      return;
    }
    if (localError) return;
    submit.mutate({ documents: files, note: note.trim() }, { onSuccess: () => setFiles([]) });
  }

  const fileErrors = [...(localError ? [localError] : []), ...fieldErrors(submit.error, 'documents')];
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="upload-title">
      <h2 id="upload-title">Send documents</h2>
      <FormErrors error={submit.error} fields={['documents', 'note']} />
      <div className={`field${fileErrors.length ? ' field-invalid' : ''}`}>
        <label htmlFor="verification-documents">Documents</label>
        <input
          id="verification-documents"
          name="documents"
          type="file"
          accept={ACCEPT}
          multiple
          aria-describedby="verification-documents-hint"
          aria-invalid={fileErrors.length ? true : undefined}
          onChange={(e) => onFiles(e.target.files)}
        />
        <p className="field-hint" id="verification-documents-hint">
          1 to 5 files: JPEG, PNG or PDF, 5 MB each. Only you and the campus services team can open them.
        </p>
        {fileErrors.map((m) => (
          <p className="field-error" key={m}>
            {m}
          </p>
        ))}
      </div>
      <TextArea label="Note for the team (optional)" name="note" value={note} onChange={(e) => setNote(e.target.value)} errors={fieldErrors(submit.error, 'note')} maxLength={1000} />
      <button type="submit" className="btn" disabled={submit.isPending}>
        {submit.isPending ? 'Sending…' : 'Send for verification'}
      </button>
    </form>
  );
}

function kindOf(contentType: string): string {
  return contentType === 'application/pdf' ? 'PDF' : contentType.replace('image/', '').toUpperCase();
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

