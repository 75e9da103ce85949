/**
 * A typed write body as multipart form data. `undefined` fields are left out
 * (PATCH keeps them); `null` is sent empty, which clears an optional field;
 * booleans are sent as "true"/"false" because multipart has no "absent means
 * default" and an omitted checkbox would read as false.
 */
export function toFormData(body: object): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value === null) fd.append(key, '');
    else if (value instanceof Blob) fd.append(key, value);
    else fd.append(key, String(value));
  }
  return fd;
}
