/**
 * An error the fake answers with, in the AWS JSON 1.1 shape
 * (`400 {"__type": "...", "message": "..."}`) that the SDK throws as an
 * error whose `name` is the type.
 */
export class AwsJsonError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/** `ResourceNotFoundException` for a log group, worded as CloudWatch Logs words it. */
export function logGroupNotFound(): AwsJsonError {
  return new AwsJsonError('ResourceNotFoundException', 'The specified log group does not exist.');
}

/** `AccessDeniedException` for `action` on `resource`, worded as IAM words it. */
export function accessDenied(action: string, resource: string): AwsJsonError {
  return new AwsJsonError(
    'AccessDeniedException',
    `User: arn:aws:iam::123456789012:user/jackwatch-test is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  );
}
