import { listings } from '#shared/data/listings.ts';
import { productImages } from '#shared/data/product-images.ts';
import { products } from '#shared/data/products.ts';
import { settings } from '#shared/data/settings.ts';
import { shops } from '#shared/data/shops.ts';
import { teamLock } from '#shared/data/team-lock.ts';
import { users } from '#shared/data/users.ts';
import type { Store } from '#shared/use-cases/ports.ts';
import { db } from './clients.ts';
import { config } from './config.ts';

/** The data adapters the artisan and operator use cases work with, built once per process. */
const deps = { db, tableName: config.tableName };

export const store: Store = {
  users: users(deps),
  shops: shops(deps),
  products: products(deps),
  images: productImages(deps),
  listings: listings(deps),
  settings: settings(deps),
  team: teamLock(deps),
};
