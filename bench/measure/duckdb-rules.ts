/**
 * Rules A, B and C as a detection engineer would write them in DuckDB SQL for
 * a replay hunt: one scan of the gzipped delivery files with `read_json`
 * keeping the Bedrock records, then one query per rule. SQL sees the whole
 * replay at once, so it answers as the agent does on time-sorted events; where
 * the rules' event-time semantics do not map to one query, the approximation
 * is said at the rule.
 */

/** The record fields the three rules read; declaring them spares DuckDB inferring a schema from every file. */
const RECORD_TYPE =
  'STRUCT(eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR, errorCode VARCHAR, sourceIPAddress VARCHAR, userAgent VARCHAR, ' +
  'eventID VARCHAR, awsRegion VARCHAR, recipientAccountId VARCHAR, ' +
  'userIdentity STRUCT(accessKeyId VARCHAR, userName VARCHAR, arn VARCHAR, accountId VARCHAR, sessionContext STRUCT(sessionIssuer STRUCT(userName VARCHAR))))[]';

/** The one scan: every Bedrock record of the delivery files under `glob`, into the temporary table `bedrock`. */
export function scanSql(glob: string): string {
  return `
CREATE TEMP TABLE bedrock AS
SELECT CAST(r.eventTime AS TIMESTAMP) AS t, r.eventName AS name, r.errorCode AS error, r.userIdentity.accessKeyId AS access_key,
       coalesce(r.userIdentity.userName, r.userIdentity.sessionContext.sessionIssuer.userName, regexp_extract(r.userIdentity.arn, '[^/:]+$'), 'unknown') AS user_name,
       coalesce(r.sourceIPAddress, 'unknown') AS src, coalesce(r.userAgent, 'unknown') AS agent,
       coalesce(r.userIdentity.accountId, r.recipientAccountId, 'unknown') AS account, coalesce(r.awsRegion, 'unknown') AS region, r.eventID AS id
FROM (SELECT unnest(Records) AS r FROM read_json('${glob.replaceAll("'", "''")}', columns = {Records: '${RECORD_TYPE}'}, compression = 'gzip'))
WHERE r.eventSource = 'bedrock.amazonaws.com'`;
}

/** One rule: the detector whose findings it counts, and the query returning one row per finding. */
export interface SqlRule {
  readonly detector: string;
  readonly sql: string;
}

export const SQL_RULES: readonly SqlRule[] = [
  {
    // Rule B: every DeleteModelInvocationLoggingConfiguration, successful or not. Exact.
    detector: 'aws-bedrock-logging-deletion',
    sql: `SELECT id FROM bedrock WHERE lower(name) = 'deletemodelinvocationloggingconfiguration'`,
  },
  {
    // Rule A: a successful ListFoundationModels by an AKIA key followed, within 15 minutes (inclusive,
    // the same second counts), by a successful invocation with the same key; one finding per such
    // enumeration. Exact on the whole replay; the agent gives the same on any arrival order within its
    // allowed lateness, and drops what arrives later — SQL has no arrival order at all.
    detector: 'aws-bedrock-enum-then-invoke-long-term-key',
    sql: `
SELECT DISTINCT e.id FROM bedrock e JOIN bedrock i
  ON i.access_key = e.access_key AND i.t BETWEEN e.t AND e.t + INTERVAL 15 MINUTE
WHERE lower(e.name) = 'listfoundationmodels' AND e.error IS NULL AND e.access_key LIKE 'AKIA%'
  AND lower(i.name) IN ('invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream') AND i.error IS NULL`,
  },
  {
    // Rule C: more than 9 refused ListFoundationModels by one user, IP, agent, account and region in
    // any sliding hour [t − 1h, t]. Approximated: the detector fires at the first refusal whose window
    // holds more than 9 and re-arms an hour later, its refusals in between absorbed and never counted
    // again; that recursion is not one window query, so a refusal fires here when its window holds
    // more than 9 and no refusal of the group in the hour before it did (absorbed refusals still count
    // toward later windows), and refusals of the same second are one finding (the detector anchors on
    // the largest eventID among them).
    detector: 'aws-bedrock-list-models-failures',
    sql: `
WITH refusals AS (
  SELECT *, count(*) OVER (PARTITION BY user_name, src, agent, account, region, name ORDER BY t RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW) AS in_window
  FROM bedrock WHERE lower(name) = 'listfoundationmodels' AND lower(error) IN ('accessdenied', 'accessdeniedexception')
), over AS (
  SELECT *, max(t) OVER (PARTITION BY user_name, src, agent, account, region, name ORDER BY t RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND INTERVAL 1 SECOND PRECEDING) AS earlier
  FROM refusals WHERE in_window > 9
)
SELECT max(id) AS id FROM over WHERE earlier IS NULL GROUP BY user_name, src, agent, account, region, name, t`,
  },
];
