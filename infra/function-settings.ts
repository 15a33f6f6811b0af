/** Settings of every operation's function that the local stack mirrors (no CDK import here). */

/** Each function's timeout; the local gateway gives handlers the same remaining time. */
export const FUNCTION_TIMEOUT_SECONDS = 10;
