// Set-up for the booking tests: a vendor's booking service open all day every
// day, its slots, and bookings made through the public API.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext } from '@playwright/test';
import { uniqueTag, type Account, type Api } from './api';

export interface Slot {
  start: string;
  end: string;
  capacity: number | null;
  remaining: number | null;
}

export interface BookingShop {
  vendor: Account;
  businessName: string;
  serviceId: number;
  serviceName: string;
  items: Record<string, number>;
}

const repoDir = fileURLToPath(new URL('../../../', import.meta.url));

const auth = (a: Account) => ({ Authorization: `Bearer ${a.access}` });

/** Today's date (YYYY-MM-DD) plus `days` in the campus time zone of the server. */
export async function campusDate(request: APIRequestContext, serviceId: number, days = 0): Promise<string> {
  const res = await request.get(`/api/services/${serviceId}/hours/`);
  const { time_zone } = (await res.json()) as { time_zone: string };
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A fresh vendor with a profile and a barber chair: 30-minute slots, `seats`
 * per slot, bookable from now on (no notice), cancellable until 2 hours before,
 * open 00:00–23:30 every day so the time of the run never matters.
 */
export async function barberShop(api: Api, request: APIRequestContext, seats = 2): Promise<BookingShop> {
  const tag = uniqueTag();
  const vendor = await api.register('vendor', 'Bola', 'Barber');
  const businessName = `Cuts ${tag}`;
  await api.createProfile(vendor, businessName);
  const serviceName = `Barber chair ${tag}`;
  const created = await request.post('/api/services/', {
    headers: auth(vendor),
    data: {
      service_name: serviceName,
      description: 'Cuts, fades and beard trims, 30 minutes a chair.',
      category: 'beauty',
      service_type: 'booking',
      base_price: '10.00',
      location: 'Sports Hall, side entrance',
      slot_minutes: 30,
      seats_per_slot: seats,
      min_notice_minutes: 0,
      max_days_ahead: 14,
      cancel_notice_minutes: 120,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const serviceId = ((await created.json()) as { id: number }).id;
  const hours = await request.put(`/api/services/${serviceId}/hours/`, {
    headers: auth(vendor),
    data: { weekly: Array.from({ length: 7 }, (_, weekday) => ({ weekday, opens: '00:00', closes: '23:30' })) },
  });
  expect(hours.status(), await hours.text()).toBe(200);
  const items: Record<string, number> = {};
  for (const [name, price] of [
    ['Haircut', '25.00'],
    ['Beard trim', '10.00'],
  ]) {
    items[name] = (await api.createItem(vendor, serviceId, name, price)).id;
  }
  return { vendor, businessName, serviceId, serviceName, items };
}

export async function slotsOn(request: APIRequestContext, serviceId: number, date: string): Promise<Slot[]> {
  const res = await request.get(`/api/services/${serviceId}/slots/`, { params: { date } });
  expect(res.status()).toBe(200);
  return (await res.json()) as Slot[];
}

/** The slot of `date` starting at `time` (HH:MM, campus time). */
export async function slotAt(request: APIRequestContext, serviceId: number, date: string, time: string): Promise<Slot> {
  const slot = (await slotsOn(request, serviceId, date)).find((s) => s.start.slice(11, 16) === time);
  if (!slot) throw new Error(`no slot at ${date} ${time}`);
  return slot;
}

export async function book(request: APIRequestContext, student: Account, serviceId: number, start: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await request.post('/api/bookings/', { headers: auth(student), data: { service: serviceId, start, ...extra } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/**
 * Moves bookings so that they all started `minutesAgo` minutes ago, and returns
 * the campus date (YYYY-MM-DD) they now start on: a few minutes after midnight
 * that is yesterday, so a test opens the day it is given, never "today". The API
 * (rightly) never books the past, and marking completed / no-show needs a
 * started booking, so the test's own rows are moved in the test server's database.
 */
export function startedMinutesAgo(bookingIds: number | number[], minutesAgo: number): string {
  const ids = Array.isArray(bookingIds) ? bookingIds : [bookingIds];
  const code = [
    'from datetime import timedelta',
    'from django.utils import timezone',
    'from bookings.models import Booking',
    `start = timezone.now() - timedelta(minutes=${minutesAgo})`,
    `n = Booking.objects.filter(pk__in=[${ids.join(', ')}]).update(start=start, end=start + timedelta(minutes=30))`,
    `assert n == ${ids.length}, n`,
    'print(timezone.localdate(start).isoformat())',
  ].join('\n');
  // The settings e2e/serve.sh gives the server.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `sqlite:///${repoDir}var/e2e/db.sqlite3`, DEBUG: 'true' };
  delete env.REDIS_URL;
  const out = execFileSync(`${repoDir}.venv/bin/python`, ['manage.py', 'shell', '-c', code], {
    cwd: repoDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.toString().trim().split('\n').at(-1)!;
}

/** The calendar day `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
