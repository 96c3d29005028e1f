import { z } from 'zod';

/**
 * `tls`: how the sink verifies the receiver and, optionally, presents a
 * client certificate. Certificates are verified against the system roots by
 * default; `ca` replaces them with the given bundle.
 */
export const tlsSchema = z
  .strictObject({
    /** PEM file of the CA(s) to trust instead of the system roots. */
    ca: z.string().min(1).optional(),
    /** PEM client certificate (mutual TLS); needs `key`. */
    cert: z.string().min(1).optional(),
    /** PEM private key of `cert`. */
    key: z.string().min(1).optional(),
    /** Accept any server certificate. For tests only: it disables the protection TLS gives. */
    insecureSkipVerify: z.boolean().default(false),
  })
  .prefault({})
  .refine((tls) => (tls.cert === undefined) === (tls.key === undefined), {
    message: 'tls.cert and tls.key go together: give both or neither',
  });

/** Parsed `tls` options. */
export type TlsConfig = z.output<typeof tlsSchema>;
