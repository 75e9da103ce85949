// Test data made through the public HTTP API, so every test owns its users,
// services and orders and never depends on another test's data or order.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

export const PASSWORD = 'Sturdy-pass-2024!';

export interface Account {
  id: number;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  userType: 'student' | 'vendor';
  access: string;
  refresh: string;
  user: Record<string, unknown>;
}

export interface Item {
  id: number;
  name: string;
  price: string;
}

export interface Shop {
  vendor: Account;
  businessName: string;
  serviceId: number;
  serviceName: string;
  items: Record<string, Item>;
}

/** Short, unique per call: names and emails of one test never meet another's. */
export function uniqueTag(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10);
}

async function json<T>(res: APIResponse, status: number, what: string): Promise<T> {
  if (res.status() !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status()}: ${(await res.text()).slice(0, 500)}`);
  }
  return (await res.json()) as T;
}

/** The API as a test's set-up uses it (`request` is Playwright's, with the baseURL). */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  private auth(account: Account) {
    return { Authorization: `Bearer ${account.access}` };
  }

  /** A fresh account, registered and logged in. */
  async register(userType: 'student' | 'vendor', firstName = 'Erin', lastName = 'Tester'): Promise<Account> {
    const email = `${userType}.${uniqueTag()}@e2e.campus`;
    const created = await this.request.post('/api/users/register/', {
      data: { email, password: PASSWORD, user_type: userType, first_name: firstName, last_name: lastName },
    });
    const user = await json<{ id: number }>(created, 201, `register ${email}`);
    const tokens = await this.login(email, PASSWORD);
    return { id: user.id, email, password: PASSWORD, firstName, lastName, userType, ...tokens };
  }

  async login(email: string, password: string) {
    const res = await this.request.post('/api/users/login/', { data: { email, password } });
    return json<{ access: string; refresh: string; user: Record<string, unknown> }>(res, 200, `login ${email}`);
  }

  async createProfile(vendor: Account, businessName: string) {
    const res = await this.request.post('/api/vendor-profiles/', {
      headers: this.auth(vendor),
      data: {
        business_name: businessName,
        description: 'Made for one browser test.',
        business_hours: 'Mon-Fri 08:00-20:00',
        address: 'Student Union, ground floor',
      },
    });
    return json<{ id: number }>(res, 201, 'create vendor profile');
  }

  async createService(vendor: Account, serviceName: string) {
    const res = await this.request.post('/api/services/', {
      headers: this.auth(vendor),
      data: {
        service_name: serviceName,
        description: 'Burgers, wraps and fries from the grill, ready in 15 minutes.',
        category: 'food',
        service_type: 'ordering',
        base_price: '4.50',
        location: 'Student Union, ground floor',
      },
    });
    return json<{ id: number }>(res, 201, `create service ${serviceName}`);
  }

  async createItem(vendor: Account, serviceId: number, name: string, price: string): Promise<Item> {
    const res = await this.request.post(`/api/services/${serviceId}/items/`, {
      headers: this.auth(vendor),
      data: { name, price, description: `${name}, made to order.` },
    });
    const item = await json<{ id: number }>(res, 201, `create item ${name}`);
    return { id: item.id, name, price };
  }

  /** A fresh vendor with a business profile and one ordering service with a grill menu. */
  async shop(): Promise<Shop> {
    const tag = uniqueTag();
    const vendor = await this.register('vendor', 'Victor', 'Vendor');
    const businessName = `Kitchen ${tag}`;
    await this.createProfile(vendor, businessName);
    const serviceName = `Grill ${tag}`;
    const service = await this.createService(vendor, serviceName);
    const items: Record<string, Item> = {};
    for (const [name, price] of [
      ['Classic Burger', '6.50'],
      ['Veggie Wrap', '5.25'],
      ['Fries', '2.75'],
      ['Flat White', '2.80'],
    ]) {
      items[name] = await this.createItem(vendor, service.id, name, price);
    }
    return { vendor, businessName, serviceId: service.id, serviceName, items };
  }

  async placeOrder(student: Account, shop: Shop, lines: Array<[string, number]>): Promise<number> {
    const res = await this.request.post('/api/orders/', {
      headers: this.auth(student),
      data: {
        service: shop.serviceId,
        items: lines.map(([name, quantity]) => ({ service_item: shop.items[name].id, quantity })),
      },
    });
    return (await json<{ id: number }>(res, 201, 'place order')).id;
  }

  async setStatus(account: Account, orderId: number, orderStatus: string) {
    const res = await this.request.post(`/api/orders/${orderId}/update_status/`, {
      headers: this.auth(account),
      data: { order_status: orderStatus },
    });
    expect(res.status(), `order ${orderId} → ${orderStatus}: ${await res.text()}`).toBe(200);
  }
}
