import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { VendorProfile, VendorProfileWrite } from '../../api/types';
import { TextArea, TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { ImagePicker } from '../../components/ImagePicker';
import { Notice } from '../../components/Notice';
import { HiddenProfileNotice } from '../../components/trust/HiddenProfileNotice';
import { LoadError, Spinner } from '../../components/QueryState';
import { useMyVendorProfile, useSaveVendorProfile } from '../../hooks/vendorProfile';

const TEXT_FIELDS = ['business_name', 'description', 'business_hours', 'address', 'phone', 'email', 'website'] as const;
type Form = Record<(typeof TEXT_FIELDS)[number], string>;

function toForm(p: VendorProfile | null): Form {
  return Object.fromEntries(TEXT_FIELDS.map((k) => [k, (p?.[k] as string | null) ?? ''])) as Form;
}

export function VendorProfilePage() {
  const profile = useMyVendorProfile();
  if (profile.isPending) return <section className="page narrow"><Spinner label="Loading your profile…" /></section>;
  if (profile.isError) {
    return (
      <section className="page narrow">
        <h1>Business profile</h1>
        <LoadError error={profile.error} onRetry={() => void profile.refetch()} />
      </section>
    );
  }
  return <ProfileForm profile={profile.data} />;
}

function ProfileForm({ profile }: { profile: VendorProfile | null }) {
  const [form, setForm] = useState<Form>(() => toForm(profile));
  const [logo, setLogo] = useState<File | null>(null);
  useEffect(() => setForm(toForm(profile)), [profile]);
  const save = useSaveVendorProfile();
  const savedRef = useRef<HTMLDivElement>(null);

  // The confirmation sits by the button the user just pressed; bring it into view on a long form.
  useEffect(() => {
    if (save.isSuccess) savedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [save.isSuccess]);

  function body(): VendorProfileWrite {
    const out: VendorProfileWrite = {};
    for (const k of TEXT_FIELDS) {
      // Optional fields are sent empty to clear them, except validated ones that reject "".
      const v = form[k].trim();
      if (v || (profile && !['email', 'website'].includes(k))) out[k] = v;
    }
    if (logo) out.logo = logo;
    return out;
  }

  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    if (save.isSuccess) save.reset();
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ id: profile?.id, body: body() }, { onSuccess: () => setLogo(null) });
  }

  return (
    <section className="page narrow">
      <h1>Business profile</h1>
      <HiddenProfileNotice profile={profile} />
      {!profile && <Notice tone="info">You have no business profile yet. Fill this in so students know who you are.</Notice>}
      {profile && (
        <p className="chips">
          <span className={`chip ${profile.is_verified ? 'chip-ok' : ''}`}>{profile.is_verified ? 'Verified business' : 'Not verified yet'}</span>
          <Link to="/vendor/verification">{profile.is_verified ? 'Verification' : 'Get verified'}</Link>
          {!profile.is_active && <span className="chip chip-warn">Inactive</span>}
        </p>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate>
        <FormErrors error={save.error} fields={[...TEXT_FIELDS, 'logo']} />
        <TextField label="Business name" name="business_name" required value={form.business_name} onChange={set('business_name')} errors={fieldErrors(save.error, 'business_name')} maxLength={200} />
        <TextArea label="Description" name="description" value={form.description} onChange={set('description')} errors={fieldErrors(save.error, 'description')} />
        <ImagePicker label="Logo" name="logo" currentUrl={profile?.logo} file={logo} onChange={setLogo} errors={fieldErrors(save.error, 'logo')} />
        <TextArea label="Business hours" name="business_hours" value={form.business_hours} onChange={set('business_hours')} errors={fieldErrors(save.error, 'business_hours')} hint="For example: Mon–Fri 8:00–18:00" />
        <TextField label="Address" name="address" value={form.address} onChange={set('address')} errors={fieldErrors(save.error, 'address')} maxLength={500} />
        <div className="grid-2">
          <TextField label="Phone" name="phone" type="tel" value={form.phone} onChange={set('phone')} errors={fieldErrors(save.error, 'phone')} maxLength={20} />
          <TextField label="Contact email" name="email" type="email" value={form.email} onChange={set('email')} errors={fieldErrors(save.error, 'email')} />
        </div>
        <TextField label="Website" name="website" type="url" placeholder="https://" value={form.website} onChange={set('website')} errors={fieldErrors(save.error, 'website')} />
        <div className="submit-row" ref={savedRef}>
          <button type="submit" className="btn" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : profile ? 'Save changes' : 'Create profile'}
          </button>
          {save.isSuccess && <Notice tone="success">Profile saved.</Notice>}
        </div>
      </form>
    </section>
  );
}
