// bench:dashboard's options (see main.ts for what each does) and its console voice.
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { FULL_SIZES, QUICK_SIZES, type SeedSizes } from './seed-model'

export const { values: args } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    head: { type: 'boolean', default: false },
    merchants: { type: 'string' },
    orders: { type: 'string' },
    sample: { type: 'string' },
    reps: { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    'lcp-runs': { type: 'string' },
    'latency-budget': { type: 'string' },
    rounds: { type: 'string' },
    patch: { type: 'string', multiple: true },
    'cpu-prof': { type: 'boolean', default: false },
    'skip-throughput': { type: 'boolean', default: false },
    'skip-lcp': { type: 'boolean', default: false },
    'plans-only': { type: 'boolean', default: false },
    'app-processes': { type: 'string' },
  },
})
export const quick = args.quick
const int = (v: string | undefined, d: number) => (v === undefined ? d : Number.parseInt(v, 10))
const base = quick ? QUICK_SIZES : FULL_SIZES
export const sizes: SeedSizes = {
  merchants: int(args.merchants, base.merchants),
  ordersPerMerchant: int(args.orders, base.ordersPerMerchant),
  attemptsPerMerchant: base.attemptsPerMerchant,
}
export const opts = {
  sample: Math.min(sizes.merchants, int(args.sample, quick ? 10 : 50)),
  reps: int(args.reps, quick ? 4 : 10),
  seconds: int(args.seconds, quick ? 4 : 15),
  // Throughput per server is measured in rounds alternating app and bare (same total seconds), so
  // that a change in the machine's load during the run (it is shared) hits both alike.
  rounds: int(args.rounds, quick ? 1 : 3),
  // Seconds of measuring per query kind at most: with a slow query (seconds per request) the full
  // sample would take hours; the loop then stops after the first full pass beyond the budget.
  latencyBudgetSeconds: int(args['latency-budget'], quick ? 20 : 120),
  warmupSeconds: quick ? 1 : 3,
  concurrency: int(args.concurrency, 50),
  lcpRuns: int(args['lcp-runs'], quick ? 3 : 10),
  // The throughput phase also runs the app in N processes (bench/lib/cluster-start.mjs) beside the
  // one process, to see whether one process per core pays on this machine (1: not compared).
  appProcesses: int(args['app-processes'], availableParallelism()),
}


export const say = (msg: string) => console.log(`\x1b[36m[bench:dashboard]\x1b[0m ${msg}`)
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`
