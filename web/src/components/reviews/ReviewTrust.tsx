import { useState, type FormEvent } from 'react';
import { alreadyReported } from '../../api/trustErrors';
import type { Review } from '../../api/types';
import type { TrustedReview } from '../../api/trust';
import { useAuth } from '../../auth/AuthContext';
import { dateTime } from '../../format';
import { useReportReview, useReviewReply } from '../../hooks/trust';
import { TextArea } from '../Field';
import { FormErrors, fieldErrors } from '../FormErrors';
import { Notice } from '../Notice';

const REASON_MAX = 500;
const REPLY_MAX = 1000;

/**
 * Under a review: the vendor's reply (for everyone), the reply box (for the
 * reviewed service's vendor) and "Report" (for any signed-in user but the author).
 */
export function ReviewTrust({ review, vendorId, vendorName }: { review: Review; vendorId: number; vendorName?: string }) {
  const { user } = useAuth();
  const r = review as TrustedReview;
  const isVendor = user?.id === vendorId;
  return (
    <>
      <RemovedReviewNotice review={r} />
      {isVendor ? <ReplyBox review={r} /> : r.vendor_reply && <Reply review={r} vendorName={vendorName} />}
      {user && user.id !== r.user && <ReportButton reviewId={r.id} />}
    </>
  );
}

/** The author's own review after an admin removed it: still theirs to read, no longer shown or counted. */
export function RemovedReviewNotice({ review }: { review: Review }) {
  if (!(review as TrustedReview).removed) return null;
  return (
    <Notice tone="warning">
      <p>The campus services team removed this review after reports. Only you can see it, and it no longer counts in the rating.</p>
    </Notice>
  );
}

function Reply({ review, vendorName }: { review: TrustedReview; vendorName?: string }) {
  const reply = review.vendor_reply!;
  return (
    <div className="vendor-reply">
      <p className="vendor-reply-title">Reply from {vendorName || 'the vendor'}</p>
      <p>{reply.text}</p>
      <p className="muted small">{dateTime(reply.updated_at || reply.created_at)}</p>
    </div>
  );
}

function ReplyBox({ review }: { review: TrustedReview }) {
  const existing = review.vendor_reply?.text ?? '';
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(existing);
  const { save, remove } = useReviewReply();

  if (!editing) {
    return (
      <div className="vendor-reply-tools">
        {existing && <Reply review={review} vendorName="you" />}
        {save.isSuccess && <Notice tone="success">Reply posted. The student is notified.</Notice>}
        <FormErrors error={remove.error} />
        <div className="btn-row">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setText(existing);
              save.reset();
              setEditing(true);
            }}
          >
            {existing ? 'Edit reply' : 'Reply'}
          </button>
          {existing && (
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm('Delete your reply to this review?')) remove.mutate({ reviewId: review.id });
              }}
            >
              {remove.isPending ? 'Deleting…' : 'Delete reply'}
            </button>
          )}
        </div>
      </div>
    );
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ reviewId: review.id, text: text.trim() }, { onSuccess: () => setEditing(false) });
  }
  return (
    <form className="reply-form" onSubmit={onSubmit} noValidate aria-label="Reply to this review">
      <FormErrors error={save.error} fields={['text']} />
      <TextArea
        label="Your reply"
        name="text"
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        errors={fieldErrors(save.error, 'text')}
        maxLength={REPLY_MAX}
        hint="Shown under the review to everyone. Be helpful: students read how vendors answer."
      />
      <div className="btn-row">
        <button type="submit" className="btn btn-small" disabled={save.isPending || !text.trim()}>
          {save.isPending ? 'Posting…' : 'Post reply'}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReportButton({ reviewId }: { reviewId: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const report = useReportReview();

  if (report.isSuccess || alreadyReported(report.error)) {
    return <p className="muted small" role="status">Thanks — the campus services team will look at this review.</p>;
  }
  if (!open) {
    return (
      <button type="button" className="link-button small report-button" onClick={() => setOpen(true)}>
        Report this review
      </button>
    );
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    report.mutate({ reviewId, reason: reason.trim() });
  }
  return (
    <form className="report-form" onSubmit={onSubmit} noValidate aria-label="Report this review">
      <FormErrors error={report.error} fields={['reason']} />
      <TextArea
        label="What is wrong with this review?"
        name="reason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={fieldErrors(report.error, 'reason')}
        maxLength={REASON_MAX}
        hint="For example: fake, offensive, or about another business. The team reads every report."
      />
      <div className="btn-row">
        <button type="submit" className="btn btn-small" disabled={report.isPending || !reason.trim()}>
          {report.isPending ? 'Sending…' : 'Send report'}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
