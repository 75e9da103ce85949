import { useEffect, useId, useState } from 'react';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp';
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * A file input that previews the chosen image before upload. The server
 * decides what is a valid image; this only catches the obvious (size, type)
 * early so nobody waits for an upload that will be refused.
 */
export function ImagePicker({
  label,
  currentUrl,
  file,
  onChange,
  errors = [],
  name,
}: {
  label: string;
  currentUrl?: string | null;
  file: File | null;
  onChange: (file: File | null) => void;
  errors?: string[];
  name: string;
}) {
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const shown = preview ?? currentUrl ?? null;
  const allErrors = [...(localError ? [localError] : []), ...errors];

  return (
    <div className={`field image-picker${allErrors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="image-picker-row">
        <div className="image-preview" aria-live="polite">
          {shown ? <img src={shown} alt={preview ? 'Preview of the chosen image' : `Current ${label.toLowerCase()}`} /> : <span>No image</span>}
        </div>
        <div>
          <input
            id={id}
            name={name}
            type="file"
            accept={ACCEPT}
            aria-describedby={`${id}-hint${allErrors.length ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setLocalError(null);
              if (f && f.size > MAX_BYTES) {
                setLocalError('This image is larger than 5 MB. Please choose a smaller one.');
                e.target.value = '';
                onChange(null);
                return;
              }
              onChange(f);
            }}
          />
          <p className="field-hint" id={`${id}-hint`}>
            JPEG, PNG, GIF or WebP, up to 5 MB.
          </p>
          {file && (
            <button type="button" className="btn btn-link" onClick={() => onChange(null)}>
              Remove chosen image
            </button>
          )}
        </div>
      </div>
      {allErrors.map((e) => (
        <p className="field-error" id={`${id}-error`} key={e}>
          {e}
        </p>
      ))}
    </div>
  );
}
