// A stock update Back Market refused: our sentence around Back Market's own words. Those words
// stay exactly as Back Market sent them; the dashboard labels them as its answer in the
// merchant's language (failures.bm_stock_refused). Pure, so the browser can read old rows too.
const PREFIX = 'Back Market refused the stock update: '

/** The English sentence the engine records (and the API answers). */
export function stockRefusedMessage(bmMessage: string): string {
  return `${PREFIX}${bmMessage}`
}

/** Back Market's words in a recorded sentence, or null when it is not a stock refusal. */
export function bmWordsOfStockRefusal(message: string | null | undefined): string | null {
  return message?.startsWith(PREFIX) ? message.slice(PREFIX.length) : null
}
