import { Fragment, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Paginated, Service, ServiceItem } from '../../api/types';
import { CheckboxField, TextArea, TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { ImagePicker } from '../../components/ImagePicker';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { Notice } from '../../components/Notice';
import { money } from '../../format';
import { useDeleteItem, useSaveItem, useServiceItems, useToggleItem } from '../../hooks/services';
import { ResponsiveImage } from '../../components/ResponsiveImage';
import { StockNote } from '../../options/StockNote';
import { OptionGroupsEditor } from './menu/OptionGroupsEditor';

const ITEM_FIELDS = ['name', 'description', 'price', 'is_available', 'image'];

function asList(data: Paginated<ServiceItem>): ServiceItem[] {
  return data.results;
}

function asListName(data: Paginated<ServiceItem> | undefined, id: number | undefined): string {
  return data?.results.find((i) => i.id === id)?.name ?? 'the item';
}

/** "2 option groups", or nothing for an item without. */
function optionSummary(item: ServiceItem): string {
  const n = item.option_groups?.length ?? 0;
  return n === 0 ? '' : `${n} option group${n === 1 ? '' : 's'}`;
}

/** Add, edit, (de)activate and delete the items of one service, and run their options. */
export function ItemsManager({ service }: { service: Service }) {
  const items = useServiceItems(service.id);
  const [editing, setEditing] = useState<number | null>(null);
  const [optionsOf, setOptionsOf] = useState<number | null>(null);
  // Open by choice, not by count: it stays open after an item is added, for the next one.
  const [adding, setAdding] = useState<boolean | null>(null);
  const [added, setAdded] = useState<{ name: string; n: number } | null>(null);
  const addOpen = adding ?? (items.isSuccess && asList(items.data).length === 0);
  const toggle = useToggleItem(service.id);

  return (
    <section className="card items-manager" aria-labelledby="items-manager">
      <div className="row-between">
        <h2 id="items-manager">Items</h2>
        <Link to={`/vendor/services/${service.id}/stock`} className="small">
          Today’s stock counts
        </Link>
      </div>
      {toggle.isError && (
        <Notice tone="error" title="Not changed">
          <p>Could not mark “{asListName(items.data, toggle.variables?.itemId)}” {toggle.variables?.available ? 'available' : 'sold out'}; it is back as it was. Try again.</p>
        </Notice>
      )}
      {items.isPending ? (
        <Spinner label="Loading items…" />
      ) : items.isError ? (
        <LoadError error={items.error} onRetry={() => void items.refetch()} />
      ) : asList(items.data).length === 0 ? (
        <Empty title="No items yet">
          <p>Add what students can order, with a price for each.</p>
        </Empty>
      ) : (
        <ul className="item-list">
          {asList(items.data).map((item) =>
            editing === item.id ? (
              <li key={item.id} className="item-edit">
                <ItemForm service={service} item={item} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <Fragment key={item.id}>
                <li className={`item-row${item.is_available ? '' : ' item-off'}`}>
                  {item.image && <ResponsiveImage src={item.image} variants={item.image_variants} className="item-thumb" sizes="160px" />}
                  <div className="item-main">
                    <h3 className="item-name">{item.name}</h3>
                    {item.description && <p className="muted">{item.description}</p>}
                    {!item.is_available && <p className="muted small">Sold out: hidden from ordering</p>}
                    {(item.stock != null || optionSummary(item)) && (
                      <p className="muted small">
                        <StockNote item={item} /> {optionSummary(item)}
                      </p>
                    )}
                  </div>
                  <div className="item-side">
                    <span className="price">{money(item.price)}</span>
                    <button
                      type="button"
                      className={`btn btn-small sold-out-toggle${item.is_available ? ' btn-secondary' : ' is-sold-out'}`}
                      aria-pressed={!item.is_available}
                      onClick={() => toggle.mutate({ itemId: item.id, available: !item.is_available })}
                    >
                      Sold out<span className="sr-only"> {item.name}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-expanded={optionsOf === item.id}
                      onClick={() => setOptionsOf((open) => (open === item.id ? null : item.id))}
                    >
                      Options<span className="sr-only"> of {item.name}</span>
                    </button>
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(item.id)}>
                      Edit<span className="sr-only"> {item.name}</span>
                    </button>
                  </div>
                </li>
                {optionsOf === item.id && (
                  <li className="item-edit">
                    <OptionGroupsEditor serviceId={service.id} item={item} items={asList(items.data)} />
                  </li>
                )}
              </Fragment>
            ),
          )}
        </ul>
      )}
      <details className="add-item" open={addOpen} onToggle={(e) => setAdding(e.currentTarget.open)}>
        <summary>Add an item</summary>
        {added && <Notice tone="success">Added “{added.name}”. Add another below.</Notice>}
        {/* A fresh, empty form after each item (keyed by how many were added). */}
        <ItemForm service={service} key={`new-${added?.n ?? 0}`} autoFocus={added !== null} onAdded={(name) => setAdded((a) => ({ name, n: (a?.n ?? 0) + 1 }))} />
      </details>
    </section>
  );
}

function ItemForm({
  service,
  item,
  onDone,
  onAdded,
  autoFocus,
}: {
  service: Service;
  item?: ServiceItem;
  onDone?: () => void;
  onAdded?: (name: string) => void;
  autoFocus?: boolean;
}) {
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [price, setPrice] = useState(item?.price ?? '');
  const [available, setAvailable] = useState(item?.is_available ?? true);
  const [image, setImage] = useState<File | null>(null);
  const save = useSaveItem(service.id);
  const remove = useDeleteItem(service.id);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: name.trim(),
      description: description.trim(),
      price: price.trim(),
      is_available: available,
      ...(image && { image }),
    };
    save.mutate(
      { itemId: item?.id, body },
      {
        onSuccess: (saved) => {
          if (item) onDone?.();
          else onAdded?.(saved.name);
        },
      },
    );
  }

  return (
    <form className="form item-form" onSubmit={onSubmit} noValidate aria-label={item ? `Edit ${item.name}` : 'New item'}>
      <FormErrors error={save.error ?? remove.error} fields={ITEM_FIELDS} />
      <div className="grid-2">
        <TextField autoFocus={autoFocus} label="Item name" name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} errors={fieldErrors(save.error, 'name')} />
        <TextField
          label="Price"
          name="price"
          type="number"
          inputMode="decimal"
          min={0}
          step="0.01"
          required
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          errors={fieldErrors(save.error, 'price')}
        />
      </div>
      <TextArea label="Item description (optional)" name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} errors={fieldErrors(save.error, 'description')} />
      <CheckboxField label="Available to order" name="is_available" checked={available} onChange={(e) => setAvailable(e.target.checked)} />
      <ImagePicker label="Item image (optional)" name="image" currentUrl={item?.image} file={image} onChange={setImage} errors={fieldErrors(save.error, 'image')} />
      <div className="btn-row">
        <button type="submit" className="btn" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : item ? 'Save item' : 'Add item'}
        </button>
        {item && (
          <>
            <button type="button" className="btn btn-secondary" onClick={onDone}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete “${item.name}”? Items already ordered are hidden instead.`)) remove.mutate(item.id, { onSuccess: onDone });
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </form>
  );
}
