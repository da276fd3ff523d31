// What the exact validator answers for one object: kube-apiserver's verdict on a create.

/** A field.Error as the API server's Status details carry it. */
export interface ApiFieldError {
  /** field.ErrorType, e.g. `FieldValueInvalid`. */
  type: string;
  /** The type as the API server words it: `Invalid value`, `Required value`, `Unsupported value`, ... */
  reason: string;
  /** The API path: `spec.containers[0].ports[1].name`, `metadata.labels[app]`. */
  field: string;
  detail: string;
  badValue?: string;
  /** Which kind of check failed (`minimum`, `format=k8s-label-key`, ...), when the validation names it. */
  origin?: string;
  /** The API server's whole line: `<field>: <reason>: <value>: <detail>`. */
  message: string;
}

/**
 * Where the API server stops: `decode` (400, the body is not a valid object), `strict` (400,
 * unknown or duplicate fields under fieldValidation=Strict), `validate`/`metadata` (422), `ok`;
 * `internal` is a fault of the validator itself.
 */
export type ApiStage = 'decode' | 'strict' | 'validate' | 'metadata' | 'ok' | 'internal';

export interface ApiVerdict {
  stage: ApiStage;
  kind?: string;
  message?: string;
  /** Strict decoding errors: `unknown field "spec.foo"`, `duplicate field "name"`. */
  strict?: string[];
  errors?: ApiFieldError[];
  warnings?: string[];
  /** A kind the module does not validate (e.g. a Service). */
  unsupported?: boolean;
}

export interface ModuleInfo {
  /** The Kubernetes version the module was built from, e.g. `v1.36.1`. */
  version: string;
  kinds: string[];
  featureGates: Record<string, boolean>;
}
