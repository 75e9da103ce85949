import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { AVAILABILITY_STATUSES, CATEGORIES, SERVICE_TYPES, type Service } from '../../api/types';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { ImagePicker } from '../../components/ImagePicker';
import { Notice } from '../../components/Notice';
import { LoadError, Spinner } from '../../components/QueryState';
import { label } from '../../format';
import { ItemsManager } from './ItemsManager';
import { AvailabilityControls } from './VendorServicesPage';

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
  category: string;
  service_type: string;
  base_price: string;
  has_flexible_pricing: boolean;
  availability_status: string;
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
    availability_status: s?.availability_status ?? 'available',
    contact_info: s?.contact_info ?? '',
    location: s?.location ?? '',
  };
}

export function VendorServiceEditPage() {
  const { id } = useParams();
  const service = useQuery({ queryKey: ['service', id], queryFn: () => api.services.get(id!), enabled: !!id });
  if (!id) return <ServiceForm />;
  if (service.isPending) return <section className="page narrow"><Spinner label="Loading service…" /></section>;
  if (service.isError) {
    return (
      <section className="page narrow">
        <h1>Edit service</h1>
        <LoadError error={service.error} onRetry={() => void service.refetch()} />
      </section>
    );
  }
  return <ServiceForm service={service.data} />;
}

function ServiceForm({ service }: { service?: Service }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => toForm(service));
  const [image, setImage] = useState<File | null>(null);
  useEffect(() => setForm(toForm(service)), [service]);

  const save = useMutation({
    mutationFn: () => {
      const fd = new FormData();
      fd.append('service_name', form.service_name.trim());
      fd.append('description', form.description.trim());
      fd.append('category', form.category);
      fd.append('service_type', form.service_type);
      if (form.base_price.trim() || service) fd.append('base_price', form.base_price.trim());
      fd.append('has_flexible_pricing', String(form.has_flexible_pricing));
      if (!service) {
        // On edit, availability has its own controls (update_availability).
        fd.append('availability_status', form.availability_status);
        // Multipart has no "absent means default": an omitted boolean reads as false.
        fd.append('is_available', 'true');
      }
      fd.append('contact_info', form.contact_info.trim());
      fd.append('location', form.location.trim());
      if (image) fd.append('images', image);
      return service ? api.services.update(service.id, fd) : api.services.create(fd);
    },
    onSuccess: (saved) => {
      setImage(null);
      queryClient.setQueryData(['service', String(saved.id)], saved);
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      if (!service) navigate(`/vendor/services/${saved.id}?created=1`, { replace: true });
    },
  });

  const remove = useMutation({
    mutationFn: () => api.services.remove(service!.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      navigate('/vendor/services', { replace: true });
    },
  });

  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const created = new URLSearchParams(window.location.search).get('created');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <section className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/vendor/services">My services</Link> <span aria-hidden="true">/</span> <span>{service ? service.service_name : 'New service'}</span>
      </nav>
      <h1>{service ? 'Edit service' : 'New service'}</h1>
      {created && service && <Notice tone="success">Service created. Add the items students can order below.</Notice>}
      {service && (
        <div className="card">
          <h2 className="h3">Availability</h2>
          <AvailabilityControls service={service} />
          <p className="small">
            <Link to={`/services/${service.id}`}>See it as students do</Link>
          </p>
        </div>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate>
        {save.isSuccess && service && !created && <Notice tone="success">Changes saved.</Notice>}
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
          {!service && (
            <SelectField
              label="Status"
              name="availability_status"
              value={form.availability_status}
              onChange={set('availability_status')}
              errors={fieldErrors(save.error, 'availability_status')}
              options={AVAILABILITY_STATUSES.map((c) => ({ value: c, label: label(c) }))}
            />
          )}
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
        <div className="btn-row">
          <button type="submit" className="btn" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : service ? 'Save changes' : 'Create service'}
          </button>
          {service && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete “${service.service_name}”? A service with orders is deactivated instead, keeping its orders.`)) remove.mutate();
              }}
            >
              Delete service
            </button>
          )}
        </div>
        <FormErrors error={remove.error} />
      </form>
      {service && <ItemsManager service={service} />}
    </section>
  );
}
