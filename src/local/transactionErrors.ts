/** The errors the transaction layer answers, in DynamoDB's shapes (transactions.ts). */
type Item = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly extra: Item = {},
  ) {
    super(message);
  }
}
export const validationError = (message: string) => new ApiError('ValidationException', message);

export interface Reason {
  Code: string;
  Message?: string;
  Item?: Item;
}

/** TransactionCanceledException: one reason per member, in order, `None` where it was fine. */
export function cancelled(reasons: Reason[]): ApiError {
  return new ApiError(
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
      .map((r) => r.Code)
      .join(', ')}]`,
    { CancellationReasons: reasons },
  );
}
