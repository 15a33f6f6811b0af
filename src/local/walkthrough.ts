/**
 * The first steps against the local stack: `npm start` prints them for its outputs file, and
 * README.md ("Try it locally") shows them for the default one, `.local/outputs.json`.
 * Runs as pasted with the AWS CLI v1 or v2 and no AWS settings, and again on the same data.
 */
export function walkthrough(outputsPath: string): string {
  const file = outputsPath.startsWith('/') ? outputsPath : `./${outputsPath}`;
  return `# The stack's URLs and ids, from the file npm start writes
eval "$(node -p 'Object.entries(require(${JSON.stringify(file)})).map(([k, v]) => \`\${k}=\${v}\`).join("\\n")')"
# The AWS CLI (v1 or v2) on the local Cognito: no AWS account, credentials or config needed
cognito() { AWS_PAGER= aws cognito-idp --endpoint-url "$CognitoEndpoint" --region "$Region" --no-sign-request "$@"; }

# 1. Sign up, and confirm as an administrator (skipped when the user exists, so this block
#    can be pasted again). A user would confirm with the code npm start prints:
#    cognito confirm-sign-up --client-id "$UserPoolClientId" --username you@example.com --confirmation-code 123456
if ! cognito admin-get-user --user-pool-id "$UserPoolId" --username you@example.com >/dev/null 2>&1; then
  cognito sign-up --client-id "$UserPoolClientId" --username you@example.com --password 'CorrectHorse42' >/dev/null
  cognito admin-confirm-sign-up --user-pool-id "$UserPoolId" --username you@example.com
fi

# 2. Sign in for an ID token (the API refuses access tokens)
signin() {
  cognito initiate-auth --client-id "$UserPoolClientId" --auth-flow USER_PASSWORD_AUTH \\
    --auth-parameters USERNAME=you@example.com,PASSWORD='CorrectHorse42' \\
    --query AuthenticationResult.IdToken --output text
}
TOKEN=$(signin)

# 3. Create a task, then list your tasks
curl -s -X POST "$ApiUrl/tasks" -H "Authorization: Bearer $TOKEN" \\
  -H 'Content-Type: application/json' -d '{"title":"Ship feature X"}' -w '\\n'
curl -s "$ApiUrl/tasks" -H "Authorization: Bearer $TOKEN" -w '\\n'
`;
}
