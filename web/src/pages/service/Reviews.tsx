import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import type { Review, Service } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Rating } from '../../components/Badges';
import { TextArea } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { RemovedReviewNotice, ReviewTrust } from '../../components/reviews/ReviewTrust';
import { Pagination } from '../../components/Pagination';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { dateTime, publicReviewer } from '../../format';
import { useBookings } from '../../hooks/bookings';
import { useOrders } from '../../hooks/orders';
import { useDeleteReview, useMyReview, usePostReview, useUpdateReview } from '../../hooks/reviews';
import { useServiceReviews } from '../../hooks/services';

const REVIEW_PAGE_SIZE = 20;
const STARS = [1, 2, 3, 4, 5];
/** The address fragment that opens the page at the review form ("Review this service"). */
export const REVIEW_FORM_HASH = '#write-review';

export function Reviews({ service }: { service: Service }) {
  const [page, setPage] = useState(1);
  const reviews = useServiceReviews(service.id, page);
  return (
    <section aria-labelledby="reviews-heading" className="card" id="reviews">
      <h2 id="reviews-heading">Reviews</h2>
      <ReviewForm service={service} />
      {reviews.isPending ? (
        <Spinner label="Loading reviews…" />
      ) : reviews.isError ? (
        <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.results.length === 0 ? (
        <Empty title="No reviews yet" />
      ) : (
        <>
          <ul className="review-list">
            {reviews.data.results.map((r) => (
              <ReviewItem key={r.id} review={r} service={service} />
            ))}
          </ul>
          <Pagination page={page} pageSize={REVIEW_PAGE_SIZE} count={reviews.data.count} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function ReviewItem({ review: r, service }: { review: Review; service: Service }) {
  return (
    <li className="review">
      <div className="review-head">
        <Rating value={r.rating} />
        {r.verified_purchase && <span className="badge badge-verified">Verified purchase</span>}
      </div>
      {r.comment && <p>{r.comment}</p>}
      <p className="muted small">
        {publicReviewer(r.user_name)} · {dateTime(r.created_at)}
      </p>
      <ReviewTrust review={r} vendorId={service.vendor} vendorName={service.vendor_name} />
    </li>
  );
}

/**
 * Five stars as one radio group: arrow keys move between them, and the choice is
 * read as "4 stars". No star is preset; the rating is the student's choice.
 */
function StarRating({ value, onChange, errors = [] }: { value: string; onChange: (v: string) => void; errors?: string[] }) {
  const name = useId();
  const [hover, setHover] = useState(0);
  const shown = hover || Number(value) || 0;
  return (
    <fieldset className={`field star-rating${errors.length ? ' field-invalid' : ''}`} aria-describedby={errors.length ? `${name}-error` : undefined}>
      <legend>Rating</legend>
      <div className="star-row" onMouseLeave={() => setHover(0)}>
        {STARS.map((n) => (
          <label key={n} className={`star${n <= shown ? ' star-on' : ''}`} onMouseEnter={() => setHover(n)}>
            <input type="radio" name={name} value={n} checked={value === String(n)} onChange={() => onChange(String(n))} />
            <span aria-hidden="true">★</span>
            <span className="sr-only">
              {n} star{n === 1 ? '' : 's'}
            </span>
          </label>
        ))}
        <span className="star-caption muted small" aria-hidden="true">
          {value ? `${value} of 5` : 'Tap a star'}
        </span>
      </div>
      {errors.map((e) => (
        <p className="field-error" id={`${name}-error`} key={e}>
          {e}
        </p>
      ))}
    </fieldset>
  );
}

/** Students who ordered from (or booked) the service and have not reviewed it yet get the form. */
function ReviewForm({ service }: { service: Service }) {
  const { user } = useAuth();
  const { hash } = useLocation();
  const isStudent = user?.user_type === 'student';
  const isBooking = service.service_type === 'booking';
  const orders = useOrders({ service: service.id, page_size: 1 }, { enabled: isStudent && !isBooking });
  const bookings = useBookings({ service: service.id, page_size: 1 }, { enabled: isStudent && isBooking });
  const myOrders = isBooking ? bookings : orders;
  const myReview = useMyReview(service.id, user?.id ?? null, isStudent);
  // No default: a rating is the student's choice, not a preset 5.
  const [rating, setRating] = useState('');
  const [missingRating, setMissingRating] = useState(false);
  const [comment, setComment] = useState('');
  const submit = usePostReview();
  const anchor = useRef<HTMLDivElement>(null);
  const ready = isStudent && myOrders.isSuccess && myReview.isSuccess;

  // Arriving from "Review this service": bring the form into view once it exists.
  useEffect(() => {
    if (hash !== REVIEW_FORM_HASH || !ready) return;
    anchor.current?.scrollIntoView({ block: 'start' });
    anchor.current?.focus({ preventScroll: true });
  }, [hash, ready]);

  if (!user) {
    return (
      <p className="muted">
        <Link to={`/login?next=${encodeURIComponent(`/services/${service.id}`)}`}>Log in</Link> to review a service you ordered from.
      </p>
    );
  }
  if (!ready) return null;
  let content;
  if (myReview.data) {
    content = (
      <OwnReview
        review={myReview.data}
        justPosted={submit.isSuccess}
        onDeleted={() => {
          // A fresh, empty form: no rating is preset, not even the deleted one.
          submit.reset();
          setRating('');
          setComment('');
        }}
      />
    );
  } else if (submit.isSuccess) {
    content = <Notice tone="success">Thanks — you have reviewed this service.</Notice>;
  } else if (myOrders.data.count === 0) {
    content = <p className="muted">{isBooking ? 'Book this service to leave a review.' : 'Order from this service to leave a review.'}</p>;
  } else {
    const onSubmit = (e: FormEvent) => {
      e.preventDefault();
      if (!rating) {
        setMissingRating(true);
        return;
      }
      submit.mutate({ service: service.id, rating: Number(rating), ...(comment.trim() && { comment: comment.trim() }) }, { onSuccess: () => setComment('') });
    };
    content = (
      <form className="review-form" onSubmit={onSubmit} noValidate aria-labelledby="review-form-title">
        <h3 id="review-form-title">Write a review</h3>
        <FormErrors error={submit.error} fields={['rating', 'comment']} />
        <StarRating
          value={rating}
          onChange={(v) => {
            setRating(v);
            setMissingRating(false);
          }}
          errors={missingRating ? ['Choose a rating from 1 to 5 stars.'] : fieldErrors(submit.error, 'rating')}
        />
        <TextArea label="Comment (optional)" name="comment" value={comment} onChange={(e) => setComment(e.target.value)} errors={fieldErrors(submit.error, 'comment')} maxLength={2000} />
        <button type="submit" className="btn" disabled={submit.isPending}>
          {submit.isPending ? 'Posting…' : 'Post review'}
        </button>
      </form>
    );
  }
  return (
    <div id={REVIEW_FORM_HASH.slice(1)} ref={anchor} className="review-form-anchor" tabIndex={-1}>
      {content}
    </div>
  );
}

/** The student's own review, with Edit (rating and comment) and Delete (after a confirmation). */
function OwnReview({ review, justPosted, onDeleted }: { review: Review; justPosted: boolean; onDeleted: () => void }) {
  const [editing, setEditing] = useState(false);
  const [rating, setRating] = useState(String(review.rating));
  const [comment, setComment] = useState(review.comment ?? '');
  const update = useUpdateReview();
  const remove = useDeleteReview();

  if (editing) {
    const onSubmit = (e: FormEvent) => {
      e.preventDefault();
      update.mutate(
        { id: review.id, serviceId: review.service, body: { rating: Number(rating), comment: comment.trim() } },
        { onSuccess: () => setEditing(false) },
      );
    };
    return (
      <form className="review-form" onSubmit={onSubmit} noValidate aria-labelledby="edit-review-title">
        <h3 id="edit-review-title">Edit your review</h3>
        <FormErrors error={update.error} fields={['rating', 'comment']} />
        <StarRating value={rating} onChange={setRating} errors={fieldErrors(update.error, 'rating')} />
        <TextArea label="Comment (optional)" name="comment" value={comment} onChange={(e) => setComment(e.target.value)} errors={fieldErrors(update.error, 'comment')} maxLength={2000} />
        <div className="btn-row">
          <button type="submit" className="btn" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save review'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <section className="own-review" aria-labelledby="own-review-title">
      {/* One notice at a time: the latest thing that happened. */}
      {update.isSuccess ? (
        <Notice tone="success">Review updated.</Notice>
      ) : (
        justPosted && <Notice tone="success">Thanks — you have reviewed this service.</Notice>
      )}
      <h3 id="own-review-title">Your review</h3>
      <RemovedReviewNotice review={review} />
      <Rating value={review.rating} />
      {review.comment && <p>{review.comment}</p>}
      <FormErrors error={remove.error} />
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            setRating(String(review.rating));
            setComment(review.comment ?? '');
            update.reset();
            setEditing(true);
          }}
        >
          Edit review
        </button>
        <button
          type="button"
          className="btn btn-danger btn-small"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm('Delete your review of this service? This cannot be undone.')) {
              remove.mutate({ id: review.id, serviceId: review.service }, { onSuccess: onDeleted });
            }
          }}
        >
          {remove.isPending ? 'Deleting…' : 'Delete review'}
        </button>
      </div>
    </section>
  );
}
