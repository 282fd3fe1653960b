/**
 * The parts of the AWS SDK for JavaScript v3 the S3 store uses. Required only when a bucket is configured and first
 * used; the deploy build bundles this file on its own (dist/cloud/node_modules/splitpay-s3, scripts/build-cloud.ts),
 * so the function's own bundle and its cold start do not carry the SDK.
 */
export { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
export { getSignedUrl } from '@aws-sdk/s3-request-presigner'
