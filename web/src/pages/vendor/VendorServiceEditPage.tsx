import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { parseId } from '../../api/queryKeys';
import { CATEGORIES, SERVICE_TYPES, type Category, type Service, type ServiceType, type ServiceWrite } from '../../api/types';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { ImagePicker } from '../../components/ImagePicker';
import { Notice } from '../../components/Notice';
import { LoadError, Missing, Spinner } from '../../components/QueryState';
import { label } from '../../format';
import { useDeleteService, useSaveService, useService } from '../../hooks/services';
import { DRAFT_AVAILABILITY } from '../../vendor/onboarding';
import { ItemsManager } from './ItemsManager';
import { PublishControl } from './PublishControl';
import { ServiceTimingSettings } from './ServiceTimingSettings';
import { ServicePaymentSettings } from '../../payments/ServicePaymentSettings';

const FIELDS = [
  'service_name',
  'description',
  'category',
  'service_type',
  'base_price',
  'has_flexible_pricing',
  'availability_status',
  'contact_info',
  'location',
  'images',
] as const;

interface Form {
  service_name: string;
  description: string;
  category: Category;
  service_type: ServiceType;
  base_price: string;
  has_flexible_pricing: boolean;
  contact_info: string;
  location: string;
}

function toForm(s?: Service): Form {
  return {
    service_name: s?.service_name ?? '',
    description: s?.description ?? '',
    category: s?.category ?? 'food',
    service_type: s?.service_type ?? 'ordering',
    base_price: s?.base_price ?? '',
    has_flexible_pricing: s?.has_flexible_pricing ?? false,
    contact_info: s?.contact_info ?? '',
    location: s?.location ?? '',
  };
}

export function VendorServiceEditPage() {
  const raw = useParams().id;
  const id = parseId(raw);
  const service = useService(id);
  if (raw === undefined) return <ServiceForm />;
  if (id === null || service.isError) {
    if (id === null || (service.error as { kind?: string } | null)?.kind === 'not_found') {
      return (
        <Missing title="Service not found" back={{ to: '/vendor/services', label: 'Back to my services' }}>
          There is no service of yours {id === null ? 'at this address' : `with number ${id}`}. It may have been deleted.
        </Missing>
      );
    }
    return (
      <section className="page narrow">
        <h1>Edit service</h1>
        <LoadError error={service.error} onRetry={() => void service.refetch()} />
      </section>
    );
  }
  if (service.isPending) return <section className="page narrow"><Spinner label="Loading service…" /></section>;
  return <ServiceForm service={service.data} />;
}

function toBody(form: Form, image: File | null, isNew: boolean): ServiceWrite {
  const body: ServiceWrite = {
    service_name: form.service_name.trim(),
    description: form.description.trim(),
    category: form.category,
    service_type: form.service_type,
    has_flexible_pricing: form.has_flexible_pricing,
    contact_info: form.contact_info.trim(),
    location: form.location.trim(),
  };
  const price = form.base_price.trim();
  if (price) body.base_price = price;
  else if (!isNew) body.base_price = null;
  if (isNew) {
    // A new service is a draft (not taking orders) until it has an available
    // item and the vendor publishes it; on edit, availability has its own control.
    body.availability_status = DRAFT_AVAILABILITY.availability_status;
    body.is_available = DRAFT_AVAILABILITY.is_available;
  }
  if (image) body.images = image;
  return body;
}

function ServiceForm({ service }: { service?: Service }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(() => toForm(service));
  const [image, setImage] = useState<File | null>(null);
  useEffect(() => setForm(toForm(service)), [service]);
  const save = useSaveService();
  const remove = useDeleteService();
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (save.isSuccess) savedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [save.isSuccess]);

  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    if (save.isSuccess) save.reset();
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };
  const created = new URLSearchParams(window.location.search).get('created');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { id: service?.id, body: toBody(form, image, !service) },
      {
        onSuccess: (saved) => {
          setImage(null);
          if (!service) navigate(`/vendor/services/${saved.id}?created=1`, { replace: true });
        },
      },
    );
  }

  return (
    <section className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/vendor/services">My services</Link> <span aria-hidden="true">/</span> <span>{service ? service.service_name : 'New service'}</span>
      </nav>
      <h1>{service ? 'Edit service' : 'New service'}</h1>
      {created && service && (
        <Notice tone="success">
          Service created as a draft. <a href="#items-manager">Add the items students can order</a>, then publish it.
        </Notice>
      )}
      {!service && <Notice>A new service starts as a draft: students cannot order until you add an item and publish it.</Notice>}
      {service && (
        <div className="card">
          <h2 className="h3">Open for orders?</h2>
          <PublishControl service={service} itemsLink />
          <p className="small">
            <Link to={`/services/${service.id}`}>See it as students do</Link>
          </p>
          <p className="small">
            <Link to={`/vendor/services/${service.id}/schedule`}>Opening hours, closures and pauses</Link>
          </p>
          <p className="small">
            <Link to={`/vendor/services/${service.id}/stock`}>Today’s stock counts</Link>
          </p>
        </div>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate>
        <FormErrors error={save.error} fields={FIELDS} />
        <TextField label="Service name" name="service_name" required maxLength={200} value={form.service_name} onChange={set('service_name')} errors={fieldErrors(save.error, 'service_name')} />
        <TextArea label="Description" name="description" required value={form.description} onChange={set('description')} errors={fieldErrors(save.error, 'description')} />
        <div className="grid-2">
          <SelectField label="Category" name="category" value={form.category} onChange={set('category')} errors={fieldErrors(save.error, 'category')} options={CATEGORIES.map((c) => ({ value: c, label: label(c) }))} />
          <SelectField
            label="How students use it"
            name="service_type"
            value={form.service_type}
            onChange={set('service_type')}
            errors={fieldErrors(save.error, 'service_type')}
            options={SERVICE_TYPES.map((c) => ({ value: c, label: label(c) }))}
            hint="Ordering services take orders for their items online."
          />
        </div>
        <div className="grid-2">
          <TextField
            label="Starting price (optional)"
            name="base_price"
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            value={form.base_price}
            onChange={set('base_price')}
            errors={fieldErrors(save.error, 'base_price')}
          />
        </div>
        <CheckboxField
          label="Prices vary (flexible pricing)"
          name="has_flexible_pricing"
          checked={form.has_flexible_pricing}
          onChange={(e) => setForm((f) => ({ ...f, has_flexible_pricing: e.target.checked }))}
          errors={fieldErrors(save.error, 'has_flexible_pricing')}
        />
        <TextField label="Location (optional)" name="location" maxLength={500} value={form.location} onChange={set('location')} errors={fieldErrors(save.error, 'location')} />
        <TextArea label="Contact info (optional)" name="contact_info" value={form.contact_info} onChange={set('contact_info')} errors={fieldErrors(save.error, 'contact_info')} />
        <ImagePicker label="Image" name="images" currentUrl={service?.images} file={image} onChange={setImage} errors={fieldErrors(save.error, 'images')} />
        <div className="btn-row" ref={savedRef}>
          <button type="submit" className="btn" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : service ? 'Save changes' : 'Create service'}
          </button>
          {service && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete “${service.service_name}”? A service with orders is deactivated instead, keeping its orders.`)) {
                  remove.mutate(service.id, { onSuccess: () => navigate('/vendor/services', { replace: true }) });
                }
              }}
            >
              Delete service
            </button>
          )}
        </div>
        {save.isSuccess && service && !created && <Notice tone="success">Changes saved.</Notice>}
        <FormErrors error={remove.error} />
      </form>
      {service && <ServiceTimingSettings service={service} />}
      {service && <ServicePaymentSettings service={service} />}
      {service && <ItemsManager service={service} />}
    </section>
  );
}
