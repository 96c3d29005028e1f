import { Random, Weighted } from './random.ts';

/** A JSON object as written to a delivery file. */
export type Json = Record<string, unknown>;

/** What kind of caller an actor is: decides which calls it makes. */
export type ActorKind = 'app' | 'human' | 'ci' | 'service';

/** Someone who calls AWS: their `userIdentity`, where they call from and with what. */
export interface Actor {
  readonly kind: ActorKind;
  readonly account: string;
  readonly identity: Json;
  readonly ip: string;
  readonly agent: string;
}

/** One trail prefix: an account and a region, with its share of all traffic and of Bedrock traffic. */
export interface Partition {
  readonly account: string;
  readonly region: string;
  readonly weight: number;
  readonly bedrockWeight: number;
}

/** The organization the generator simulates. */
export interface World {
  readonly partitions: Weighted<Partition>;
  readonly bedrockPartitions: Weighted<Partition>;
  readonly actors: ReadonlyMap<string, Readonly<Record<ActorKind, readonly Actor[]>>>;
  /** Bedrock callers by account: roles (temporary keys), IAM users (invoke only), developers. */
  readonly bedrockActors: ReadonlyMap<string, readonly Actor[]>;
  /** A posture scanner's role by account: reads Bedrock settings, never invokes. */
  readonly bedrockAuditors: ReadonlyMap<string, Actor>;
  /** The day the identities were created, for session attributes. */
  readonly epoch: number;
}

export const ACCOUNTS = {
  management: '311141551234',
  security: '462951807413',
  prod: '518234907765',
  staging: '629480173356',
  dev: '734915620084',
  ml: '845023761149',
} as const;

const PARTITIONS: readonly Partition[] = [
  { account: ACCOUNTS.management, region: 'us-east-1', weight: 3, bedrockWeight: 0 },
  { account: ACCOUNTS.security, region: 'us-east-1', weight: 4, bedrockWeight: 0 },
  { account: ACCOUNTS.security, region: 'us-west-2', weight: 2, bedrockWeight: 0 },
  { account: ACCOUNTS.security, region: 'eu-west-1', weight: 2, bedrockWeight: 0 },
  { account: ACCOUNTS.prod, region: 'us-east-1', weight: 20, bedrockWeight: 2 },
  { account: ACCOUNTS.prod, region: 'us-west-2', weight: 8, bedrockWeight: 0 },
  { account: ACCOUNTS.prod, region: 'eu-west-1', weight: 10, bedrockWeight: 0 },
  { account: ACCOUNTS.prod, region: 'ap-southeast-2', weight: 3, bedrockWeight: 0 },
  { account: ACCOUNTS.staging, region: 'us-east-1', weight: 6, bedrockWeight: 0 },
  { account: ACCOUNTS.staging, region: 'eu-west-1', weight: 2, bedrockWeight: 0 },
  { account: ACCOUNTS.dev, region: 'us-east-1', weight: 8, bedrockWeight: 1 },
  { account: ACCOUNTS.dev, region: 'us-west-2', weight: 3, bedrockWeight: 0.5 },
  { account: ACCOUNTS.ml, region: 'us-east-1', weight: 8, bedrockWeight: 5 },
  { account: ACCOUNTS.ml, region: 'us-west-2', weight: 5, bedrockWeight: 3 },
];

const APP_ROLES = ['web-api', 'orders-worker', 'payments-svc', 'eks-node-group', 'thumbnailer-lambda', 'etl-glue-job', 'search-indexer', 'notifications-svc'];
const PEOPLE = ['priya', 'marcus', 'lena', 'tomas', 'aiko', 'fatima', 'jonas', 'sofia', 'wei', 'daniel', 'amara', 'oliver'];
const SSO_ROLES = ['AdministratorAccess', 'Developer', 'ReadOnly', 'PowerUser'];
const CI_USERS = ['github-actions-deploy', 'terraform-ci', 'backup-agent', 'svc-reporting'];
const SERVICES = ['config.amazonaws.com', 'cloudtrail.amazonaws.com', 'guardduty.amazonaws.com', 'autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com', 'ecs-tasks.amazonaws.com'];

const AGENTS = {
  java: 'aws-sdk-java/2.25.11 Linux/5.10.219-208.866.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy',
  boto: 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.84',
  node: 'aws-sdk-js/3.592.0 ua/2.1 os/linux#5.10.219-208.866.amzn2.x86_64 lang/js md/nodejs#20.14.0 api/dynamodb#3.592.0',
  go: 'aws-sdk-go-v2/1.27.0 os/linux lang/go#1.22.3 md/GOOS#linux md/GOARCH#amd64 api/s3#1.54.3',
  cli: 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#s3.ls',
  console: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  terraform: 'APN/1.0 HashiCorp/1.0 Terraform/1.8.3 (+https://www.terraform.io) terraform-provider-aws/5.50.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.27.0 ua/2.0 os/linux lang/go#1.22.3',
};

/** Builds the simulated organization from `random` (deterministic). */
export function createWorld(random: Random, epoch: number): World {
  const actors = new Map<string, Record<ActorKind, Actor[]>>();
  const bedrockActors = new Map<string, Actor[]>();
  const bedrockAuditors = new Map<string, Actor>();
  for (const account of Object.values(ACCOUNTS)) {
    const apps = APP_ROLES.map((name) => assumedRole(random, 'app', account, name, `i-0${random.hex(16)}`, `10.${random.int(256)}.${random.int(256)}.${random.int(256)}`, random.pick([AGENTS.java, AGENTS.boto, AGENTS.node, AGENTS.go]), epoch));
    const humans = PEOPLE.map((person) =>
      assumedRole(random, 'human', account, `AWSReservedSSO_${random.pick(SSO_ROLES)}_${random.hex(16)}`, `${person}@example.com`, `203.0.113.${random.int(250) + 1}`, random.pick([AGENTS.console, AGENTS.cli]), epoch),
    );
    const ci = CI_USERS.map((name) => iamUser(random, 'ci', account, name, `AKIA${random.upper(16)}`, `198.51.100.${random.int(250) + 1}`, name === 'terraform-ci' ? AGENTS.terraform : AGENTS.cli));
    const services = SERVICES.map((service) => awsService(account, service));
    actors.set(account, { app: apps, human: humans, ci, service: services });
    bedrockActors.set(account, [
      assumedRole(random, 'app', account, 'rag-api', `rag-api-task-${random.hex(8)}`, `10.20.${random.int(256)}.${random.int(256)}`, AGENTS.boto, epoch),
      assumedRole(random, 'app', account, 'support-chatbot', `chatbot-${random.hex(8)}`, `10.30.${random.int(256)}.${random.int(256)}`, AGENTS.node, epoch),
      assumedRole(random, 'app', account, 'summarizer-worker', `i-0${random.hex(16)}`, `10.40.${random.int(256)}.${random.int(256)}`, AGENTS.java, epoch),
      iamUser(random, 'ci', account, 'svc-batch-embeddings', `AKIA${random.upper(16)}`, `198.51.100.${random.int(250) + 1}`, AGENTS.boto),
      ...humans.slice(0, 4),
    ]);
    bedrockAuditors.set(account, assumedRole(random, 'app', account, 'posture-scanner', `scan-${random.hex(8)}`, `10.50.${random.int(256)}.${random.int(256)}`, AGENTS.boto, epoch));
  }
  const partitions = new Weighted(PARTITIONS.map((p) => [p, p.weight] as const));
  const bedrockPartitions = new Weighted(PARTITIONS.filter((p) => p.bedrockWeight > 0).map((p) => [p, p.bedrockWeight] as const));
  return { partitions, bedrockPartitions, actors, bedrockActors, bedrockAuditors, epoch };
}

/** An IAM user calling with a long-term (`AKIA…`) key. */
export function iamUser(random: Random, kind: ActorKind, account: string, name: string, key: string, ip: string, agent: string): Actor {
  return {
    kind,
    account,
    identity: { type: 'IAMUser', principalId: `AIDA${random.upper(17)}`, arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, accessKeyId: key, userName: name },
    ip,
    agent,
  };
}

/** A role session calling with a temporary (`ASIA…`) key. */
export function assumedRole(random: Random, kind: ActorKind, account: string, roleName: string, session: string, ip: string, agent: string, epoch: number): Actor {
  const roleId = `AROA${random.upper(17)}`;
  return {
    kind,
    account,
    identity: {
      type: 'AssumedRole',
      principalId: `${roleId}:${session}`,
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
      accountId: account,
      accessKeyId: `ASIA${random.upper(16)}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${roleName}`, accountId: account, userName: roleName },
        webIdFederationData: {},
        attributes: { creationDate: new Date(epoch).toISOString().replace(/\.\d{3}Z$/, 'Z'), mfaAuthenticated: kind === 'human' ? 'true' : 'false' },
      },
    },
    ip,
    agent,
  };
}

/** An AWS service acting on the account's behalf. */
export function awsService(account: string, service: string): Actor {
  return { kind: 'service', account, identity: { type: 'AWSService', invokedBy: service }, ip: service, agent: service };
}
