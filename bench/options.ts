/** Command-line flags of `npm run bench`. */
export interface BenchOptions {
  users: number;
  /** Volunteer applications (each with an account of its own); as many as `users` unless given. */
  volunteers: number;
  duration: number;
  connections: number;
  skipSeed: boolean;
  audit: boolean;
  /** Scenario names to run (all when empty). */
  only: string[];
  cpuProf: boolean;
  databaseUrl: string;
  /** Course sessions in the catalogue. */
  sessions: number;
  /** The booking storm: this many people book a session with `stormSeats` seats at once. */
  stormUsers: number;
  stormSeats: number;
  /** Approved mentors, trained and with room for one more young person: who the suggestions rank. */
  mentors: number;
  /** Young people's records, with the pairings of those matched and closed. */
  youths: number;
  /** Associations' volunteer tasks, most of them open, for the public task list. */
  tasks: number;
}

export const DEFAULT_MENTORS = 30_000;
/** Without `--mentors`, a small seed keeps the pipeline's mix: at most this share of the volunteers is approved. */
const DEFAULT_MENTOR_SHARE = 0.35;

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mentorbro_bench";

const usage = `Usage: npm run bench -- [--users N] [--volunteers V] [--mentors M] [--youths Y] [--sessions N] [--tasks N] [--duration S] [--connections C] [--skip-seed] [--audit]
  --users N        users in the bench database (default 100000)
  --volunteers V   volunteers, each with checks, references and their own account (default: as many as --users)
  --mentors M      approved volunteers eligible for matching, of the volunteers (default 30000, at most 35% of --volunteers unless given)
  --youths Y       young people's records, with pairings for the matched and closed ones (default 30000)
  --sessions N     course sessions in the catalogue, with their bookings (default 20000)
  --tasks N        associations' volunteer tasks for the public task list (default 50000)
  --storm-users N  people in the booking storm (default 200)
  --storm-seats N  seats on the stormed session (default 20)
  --duration S     seconds per scenario (default 10)
  --connections C  concurrent connections (default 10)
  --skip-seed      reuse the seeded database when its size matches
  --audit          also seed audit events (min(N*10, 1 000 000))
  --only A,B       run only the named scenarios, e.g. --only "admin users p1,youth suggestions"; "booking storm" is the storm
  --cpu-prof       profile the server (node --cpu-prof) and print where its CPU time went
Database: BENCH_DATABASE_URL or ${DEFAULT_DATABASE_URL}`;

function positiveInt(flag: string, value: string | undefined, max: number, min = 1) {
  const number = Number(value);
  if (!value || !Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${flag} needs a whole number between ${min} and ${max}, got ${value ?? "nothing"}\n${usage}`);
  }
  return number;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  let volunteers: number | undefined;
  let mentors: number | undefined;
  const options: Omit<BenchOptions, "volunteers" | "mentors"> = {
    users: 100_000,
    duration: 10,
    connections: 10,
    skipSeed: false,
    audit: false,
    only: [],
    cpuProf: false,
    databaseUrl: env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL,
    sessions: 20_000,
    stormUsers: 200,
    stormSeats: 20,
    youths: 30_000,
    tasks: 50_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--users":
        // At least the bench's own admin and coordinator accounts.
        options.users = positiveInt(flag, value(), 10_000_000, 2);
        break;
      case "--volunteers":
        volunteers = positiveInt(flag, value(), 10_000_000, 0);
        break;
      case "--mentors":
        mentors = positiveInt(flag, value(), 10_000_000, 0);
        break;
      case "--tasks":
        options.tasks = positiveInt(flag, value(), 1_000_000, 0);
        break;
      case "--youths":
        options.youths = positiveInt(flag, value(), 10_000_000, 0);
        break;
      case "--sessions":
        options.sessions = positiveInt(flag, value(), 1_000_000, 0);
        break;
      case "--storm-users":
        options.stormUsers = positiveInt(flag, value(), 5000);
        break;
      case "--storm-seats":
        options.stormSeats = positiveInt(flag, value(), 1000);
        break;
      case "--duration":
        options.duration = positiveInt(flag, value(), 3600);
        break;
      case "--connections":
        options.connections = positiveInt(flag, value(), 1000);
        break;
      case "--skip-seed":
        options.skipSeed = true;
        break;
      case "--audit":
        options.audit = true;
        break;
      case "--only":
        options.only = (value() ?? "").split(",").map((name) => name.trim()).filter(Boolean);
        break;
      case "--cpu-prof":
        options.cpuProf = true;
        break;
      case "--help":
      case "-h":
        console.log(usage);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown flag ${flag}\n${usage}`);
    }
  }
  const volunteerCount = volunteers ?? options.users;
  if (mentors !== undefined && mentors > volunteerCount) {
    throw new Error(`--mentors ${mentors} is more than the ${volunteerCount} volunteers; raise --volunteers (or --users)\n${usage}`);
  }
  return {
    ...options,
    volunteers: volunteerCount,
    mentors: mentors ?? Math.min(DEFAULT_MENTORS, Math.floor(volunteerCount * DEFAULT_MENTOR_SHARE)),
  };
}
