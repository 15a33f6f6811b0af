/**
 * The task board on AWS: the built web app in a private S3 bucket behind CloudFront with origin
 * access control, HTTPS only, unknown paths answered with index.html (the app routes itself).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 * The build also holds the Redoc page as `docs.html`: problem `type` URIs are its anchors.
 * Every response carries the security headers and a Content-Security-Policy (src/web/csp.ts).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-response-headers.html
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { appContentSecurityPolicy, DOCS_CONTENT_SECURITY_POLICY } from '../src/web/csp.js';
import { ASSET_BUCKET_OBJECTS, acknowledgeCdkHelper } from './nag.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const COPY_REASON =
  'CDK’s copy function reads the asset bucket and replaces every object of the site bucket.';

export interface WebHostingProps {
  /**
   * The built app with the docs page as `docs.html` (`npm run build`).
   * @default - web/dist at the repository root
   */
  readonly appDir?: string;
}

/** What the app reads from `/config.json` at start (web/src/config.ts), so one build fits any stack. */
export interface WebAppConfig {
  readonly apiUrl: string;
  readonly cognitoEndpoint: string;
  readonly clientId: string;
}

export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<id>.cloudfront.net`: the app's origin, for CORS and the app client's URLs. */
  readonly url: string;
  /** The API's docs page, whose anchors are the problem `type` URIs (PROBLEM_TYPE_BASE). */
  readonly docsUrl: string;
  private readonly appDir: string;

  constructor(scope: Construct, id: string, props: WebHostingProps = {}) {
    super(scope, id);
    this.appDir = props.appDir ?? join(root, 'web/dist');
    for (const page of ['index.html', 'docs.html']) {
      if (!existsSync(join(this.appDir, page))) {
        throw new Error(
          `the web app has no build at ${relative(root, join(this.appDir, page))}: run npm run build`,
        );
      }
    }
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Only build output lives here: `npm run deploy` puts it back.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const appHeaders = this.headersPolicy(
      'AppHeaders',
      appContentSecurityPolicy({
        // Any API Gateway API of the region, not this one: the API's id is not known before the
        // API exists, and the API (its CORS origin, its problem type base) already refers to this
        // distribution, so naming the id here would be a dependency cycle CloudFormation refuses.
        api: `https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
        cognito: `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`,
      }),
    );
    const fresh = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      responseHeadersPolicy: appHeaders,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'task-api web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        ...fresh,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
      },
      // The page and the config must be current after a deploy; hashed assets may be cached.
      additionalBehaviors: {
        '/index.html': fresh,
        '/config.json': fresh,
        '/docs.html': {
          ...fresh,
          responseHeadersPolicy: this.headersPolicy('DocsHeaders', DOCS_CONTENT_SECURITY_POLICY),
        },
      },
      // Without s3:ListBucket a missing key is a 403: both mean "an app route", so index.html.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.docsUrl = `${this.url}/docs.html`;
  }

  /**
   * The managed SECURITY_HEADERS policy's headers (framing refused outright, as the CSP's
   * `frame-ancestors 'none'` does), plus this Content-Security-Policy.
   * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html#managed-response-headers-policies-security
   */
  private headersPolicy(
    id: string,
    contentSecurityPolicy: string,
  ): cloudfront.ResponseHeadersPolicy {
    return new cloudfront.ResponseHeadersPolicy(this, id, {
      comment: `task-api web app: security headers and CSP (${id})`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
  }

  /** Uploads the app with its `config.json` and invalidates CloudFront's copies. */
  deploy(config: WebAppConfig): s3deploy.BucketDeployment {
    const deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
      sources: [
        s3deploy.Source.asset(this.appDir),
        s3deploy.Source.jsonData('config.json', config),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    this.acknowledgeNagFindings();
    return deployment;
  }

  private acknowledgeNagFindings(): void {
    const ack = (scope: Construct, id: string, reason: string) =>
      Validations.of(scope).acknowledge({ id, reason });
    ack(this.bucket, 'AwsSolutions-S1', 'Requests reach the bucket only through CloudFront.');
    ack(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: the app is for anyone the user pool lets in.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF for static files; the API behind it has stage throttling.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR3',
      'No access logs for static files: the API logs every call the app makes.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate fixes the TLS policy; a custom domain sets TLSv1.2_2021.',
    );
    // CDK's own helper function that copies the build into the bucket and invalidates CloudFront.
    const bucketArn = `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>`;
    acknowledgeCdkHelper(
      this,
      'Custom::CDKBucketDeployment',
      'CDK’s copy function',
      {
        'AwsSolutions-IAM5[Action::s3:GetBucket*]': COPY_REASON,
        'AwsSolutions-IAM5[Action::s3:GetObject*]': COPY_REASON,
        'AwsSolutions-IAM5[Action::s3:List*]': COPY_REASON,
        'AwsSolutions-IAM5[Action::s3:Abort*]': COPY_REASON,
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]': COPY_REASON,
        [`AwsSolutions-IAM5[Resource::${bucketArn}/*]`]: COPY_REASON,
        'AwsSolutions-IAM5[Resource::*]':
          'cloudfront:CreateInvalidation after a deploy; CDK grants it on *.',
      },
      // The asset bucket's ARN is spelled as the CLI's environment resolves it.
      [{ pattern: ASSET_BUCKET_OBJECTS, reason: COPY_REASON }],
    );
  }
}
