// A worker in its own process running one sync task, so that a test can kill it for real
// (SIGKILL, mid-call) and check what the next run does. Usage: run-task-child.ts <taskId>
import { runSyncTask } from '../run-sync-task'

const taskId = process.argv[2]
if (!taskId) throw new Error('usage: run-task-child.ts <taskId>')
const outcome = await runSyncTask({ taskId })
process.stdout.write(`${outcome}\n`)
process.exit(0)
