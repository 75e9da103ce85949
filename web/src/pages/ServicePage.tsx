import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api';
import type { Review, Service, ServiceItem } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useCart } from '../cart/CartContext';
import { Rating } from '../components/Badges';
import { SelectField, TextArea } from '../components/Field';
import { FormErrors, fieldErrors } from '../components/FormErrors';
import { Notice } from '../components/Notice';
import { Pagination } from '../components/Pagination';
import { Empty, LoadError, Spinner } from '../components/QueryState';
import { dateTime, label, money } from '../format';

export function ServicePage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const service = useQuery({ queryKey: ['service', id], queryFn: () => api.services.get(id) });

  if (service.isPending) return <section className="page"><Spinner label="Loading service…" /></section>;
  if (service.isError) {
    return (
      <section className="page narrow">
        <h1>Service</h1>
        <LoadError error={service.error} onRetry={() => void service.refetch()} />
      </section>
    );
  }

  const s = service.data;
  const vendor = s.vendor_name;
  const canOrder = s.supports_ordering && !!s.is_available;

  return (
    <section className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">All services</Link> <span aria-hidden="true">/</span> <span>{s.service_name}</span>
      </nav>
      <div className="service-hero card">
        <div className="service-hero-img">
          {s.images ? <img src={s.images} alt={`${s.service_name}`} /> : <span aria-hidden="true">{label(s.category).charAt(0)}</span>}
        </div>
        <div className="service-hero-body">
          <h1>{s.service_name}</h1>
          {vendor && <p className="vendor-line">by <strong>{vendor}</strong></p>}
          <p className="chips">
            <span className="chip">{label(s.category)}</span>
            <span className="chip">{label(s.service_type)}</span>
            <span className={`chip ${s.is_available && s.availability_status === 'available' ? 'chip-ok' : 'chip-warn'}`}>
              {s.is_available ? label(s.availability_status) : 'Unavailable'}
            </span>
          </p>
          <Rating value={s.rating} count={s.total_ratings} />
          <p className="description">{s.description}</p>
          <dl className="facts">
            {s.base_price && (
              <>
                <dt>Price</dt>
                <dd>
                  from {money(s.base_price)}
                  {s.has_flexible_pricing && ' (flexible)'}
                </dd>
              </>
            )}
            {s.location && (
              <>
                <dt>Where</dt>
                <dd>{s.location}</dd>
              </>
            )}
            {s.contact_info && (
              <>
                <dt>Contact</dt>
                <dd>{s.contact_info}</dd>
              </>
            )}
          </dl>
        </div>
      </div>

      <div className="service-columns">
        <section aria-labelledby="items-heading" className="card">
          <h2 id="items-heading">Items and prices</h2>
          {!canOrder && (
            <Notice tone="info">
              {s.supports_ordering ? 'This service is not taking orders right now.' : `This is a ${label(s.service_type).toLowerCase()} service: it does not take orders online.`}
            </Notice>
          )}
          {s.items.length === 0 ? (
            <Empty title="No items listed yet" />
          ) : (
            <ItemList service={s} items={s.items} canOrder={canOrder} isStudent={!user || user.user_type === 'student'} />
          )}
        </section>
        <Reviews service={s} />
      </div>
    </section>
  );
}

function ItemList({ service, items, canOrder, isStudent }: { service: Service; items: ServiceItem[]; canOrder: boolean; isStudent: boolean }) {
  const cart = useCart();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState<ServiceItem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const svc = { id: service.id, name: service.service_name };

  function add(item: ServiceItem) {
    if (cart.add(svc, item)) {
      setAdded(`${item.name} added to your cart.`);
      setConflict(null);
    } else {
      setConflict(item);
    }
  }

  return (
    <>
      {conflict && (
        <Notice tone="warning" title="Your cart holds another service">
          <p>
            A cart can hold items from one service at a time. Your cart has items from {cart.cart?.serviceName}.
          </p>
          <p className="notice-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                cart.startOver(svc);
                cart.add(svc, conflict);
                setConflict(null);
                setAdded(`Started a new cart with ${conflict.name}.`);
              }}
            >
              Start a new cart
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setConflict(null)}>
              Keep my cart
            </button>
          </p>
        </Notice>
      )}
      <p className="sr-only" role="status">
        {added}
      </p>
      <ul className="item-list">
        {items.map((item) => (
          <li key={item.id} className={`item-row${item.is_available ? '' : ' item-off'}`}>
            {item.image && <img src={item.image} alt="" className="item-thumb" loading="lazy" />}
            <div className="item-main">
              <h3 className="item-name">{item.name}</h3>
              {item.description && <p className="muted">{item.description}</p>}
            </div>
            <div className="item-side">
              <span className="price">{money(item.price)}</span>
              {canOrder && isStudent && item.is_available ? (
                <button type="button" className="btn btn-small" onClick={() => add(item)} aria-label={`Add ${item.name} to cart`}>
                  Add
                </button>
              ) : (
                !item.is_available && <span className="muted">Sold out</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      {cart.cart?.serviceId === service.id && cart.count > 0 && (
        <div className="cart-bar">
          <span>
            {cart.count} item{cart.count === 1 ? '' : 's'} in your cart
          </span>
          <button type="button" className="btn" onClick={() => navigate('/cart')}>
            View cart
          </button>
        </div>
      )}
    </>
  );
}

const REVIEW_PAGE_SIZE = 20;

function Reviews({ service }: { service: Service }) {
  const [page, setPage] = useState(1);
  const reviews = useQuery({
    queryKey: ['service-reviews', service.id, page],
    queryFn: () => api.services.reviews(service.id, page),
    placeholderData: keepPreviousData,
  });
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
              <ReviewItem key={r.id} review={r} />
            ))}
          </ul>
          <Pagination page={page} pageSize={REVIEW_PAGE_SIZE} count={reviews.data.count} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function ReviewItem({ review: r }: { review: Review }) {
  return (
    <li className="review">
      <div className="review-head">
        <Rating value={r.rating} />
        {r.verified_purchase && <span className="badge badge-verified">Verified purchase</span>}
      </div>
      {r.comment && <p>{r.comment}</p>}
      <p className="muted small">
        {r.user_name || 'A student'} · {dateTime(r.created_at)}
      </p>
    </li>
  );
}

/** Students who ordered from the service and have not reviewed it yet get the form. */
function ReviewForm({ service }: { service: Service }) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const isStudent = user?.user_type === 'student';
  const myOrders = useQuery({
    queryKey: ['orders', { service: service.id }],
    queryFn: () => api.orders.list({ service: service.id, page_size: 1 }),
    enabled: isStudent,
  });
  const myReview = useQuery({
    queryKey: ['my-review', service.id, user?.id],
    queryFn: () => api.reviews.list({ service: service.id, user: user!.id }),
    enabled: isStudent,
  });
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  const submit = useMutation({
    mutationFn: () => api.reviews.create({ service: service.id, rating: Number(rating), ...(comment.trim() && { comment: comment.trim() }) }),
    onSuccess: () => {
      setComment('');
      void queryClient.invalidateQueries({ queryKey: ['service-reviews', service.id] });
      void queryClient.invalidateQueries({ queryKey: ['my-review', service.id] });
      void queryClient.invalidateQueries({ queryKey: ['service', String(service.id)] });
    },
  });

  if (!user) {
    return (
      <p className="muted">
        <Link to={`/login?next=${encodeURIComponent(`/services/${service.id}`)}`}>Log in</Link> to review a service you ordered from.
      </p>
    );
  }
  if (!isStudent || myOrders.isPending || myReview.isPending) return null;
  if (myOrders.isError || myReview.isError) return null;
  const mine = myReview.data.results.find((r) => r.user === user.id);
  if (submit.isSuccess || mine) {
    return <Notice tone="success">Thanks — you have reviewed this service.</Notice>;
  }
  if (myOrders.data.count === 0) {
    return <p className="muted">Order from this service to leave a review.</p>;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    submit.mutate();
  }

  return (
    <form className="review-form" onSubmit={onSubmit} noValidate aria-labelledby="review-form-title">
      <h3 id="review-form-title">Write a review</h3>
      <FormErrors error={submit.error} fields={['rating', 'comment']} />
      <SelectField
        label="Rating"
        name="rating"
        value={rating}
        onChange={(e) => setRating(e.target.value)}
        errors={fieldErrors(submit.error, 'rating')}
        options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} star${n === 1 ? '' : 's'}` }))}
      />
      <TextArea label="Comment (optional)" name="comment" value={comment} onChange={(e) => setComment(e.target.value)} errors={fieldErrors(submit.error, 'comment')} maxLength={2000} />
      <button type="submit" className="btn" disabled={submit.isPending}>
        {submit.isPending ? 'Posting…' : 'Post review'}
      </button>
    </form>
  );
}
