/**
 * The API's cart limits (shared/api/orders.ts, which imports zod): copied here for the public
 * bundle and compared with the shared values in orders/constants.test.ts.
 */
export const MAX_CART_LINES = 20;
export const MAX_QUANTITY = 20;
