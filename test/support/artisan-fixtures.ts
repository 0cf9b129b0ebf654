import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import type { ApplyForShopBody, ProductBody } from '#shared/api/artisan.ts';
import { keys } from '#shared/data/keys.ts';
import type { Account } from './accounts.ts';

/** Bodies and shortcuts for artisan tests. */
export function shopApplication(slug: string): ApplyForShopBody {
  return {
    slug,
    name: { fr: `Atelier ${slug}`, ar: 'مشغل الاختبار' },
    craft: 'pottery',
    story: { fr: 'Une potière de Dakhla qui tourne la terre rouge du désert.' },
    town: 'Dakhla',
    kind: 'individual',
    languages: ['ar', 'fr'],
    phone: '+212612345678',
  };
}

export function productBody(title = 'Jarre de test'): ProductBody {
  return {
    title: { fr: title, ar: 'جرة فخار للاختبار' },
    description: { fr: 'Une jarre tournée à la main.' },
    category: 'pottery',
    variants: [
      { sku: `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}-S`, label: { fr: 'Petite' }, price: 15_000, stock: 3 },
      { sku: `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}-L`, label: { fr: 'Grande' }, price: 25_050, stock: 1 },
    ],
    weightGrams: 1200,
  };
}

let db: DynamoDBDocumentClient | undefined;
const table = () =>
  (db ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  ));

/** Marks a photo processed, as the image function does after making its variants. */
export async function markPhotoReady(productId: string, imageId: string) {
  await table().send(
    new UpdateCommand({
      TableName: inject('tableName'),
      Key: keys.productImage(productId, imageId),
      UpdateExpression: 'SET #s = :ready, #k = :key',
      ExpressionAttributeNames: { '#s': 'status', '#k': 'key' },
      ExpressionAttributeValues: { ':ready': 'ready', ':key': `products/${productId}/${imageId}-640.webp` },
    }),
  );
}

/** An artisan with an approved shop and one published product with a ready photo. */
export async function artisanWithListedProduct(artisan: Account, operator: Account, slug: string) {
  const shop = (await artisan.call('POST', '/api/me/shop', shopApplication(slug))).body;
  const decision = await operator.call('POST', `/api/operator/shops/${shop.id}/decision`, { action: 'approve' });
  if (decision.status !== 200) throw new Error(`approve failed: ${JSON.stringify(decision.body)}`);
  return { shopId: shop.id as string, ...(await publishedProduct(artisan, `Jarre ${slug}`)) };
}

/** One more product of the artisan's (approved) shop, published with a ready photo: its two variants hold 3 at 150 MAD and 1 at 250.50 MAD. */
export async function publishedProduct(artisan: Account, title: string) {
  const created = (await artisan.call('POST', '/api/me/products', productBody(title))).body;
  const upload = (await artisan.call('POST', `/api/me/products/${created.product.id}/images`, { contentType: 'image/jpeg', size: 1000 })).body;
  await markPhotoReady(created.product.id, upload.image.id);
  const published = await artisan.call('POST', `/api/me/products/${created.product.id}/status`, { status: 'published' });
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return { productId: created.product.id as string, imageId: upload.image.id as string, variants: (created.variants as Array<{ sku: string; price: number; stock: number }>) };
}
