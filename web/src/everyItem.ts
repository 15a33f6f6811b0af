/** Every item of a listing: the pages of the SDK's `paginate(operationId, ...)`, collected. */
export async function everyItem<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) out.push(item);
  return out;
}
