/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * Implement the DateTime<Utc> scalar
   *
   * The input/output is a string in RFC3339 format.
   */
  DateTime: { input: any; output: any; }
};

export type Mutation = {
  /** Gives a dead message a fresh set of attempts. Platform admins only. */
  requeueEmail: OutboxEmail;
  /**
   * Queues a test message to check that delivery works; returns at once, before sending.
   * Platform admins only.
   */
  sendTestEmail: OutboxEmail;
};


export type MutationRequeueEmailArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendTestEmailArgs = {
  input: SendTestEmailInput;
};

/** A message in the email outbox. */
export type OutboxEmail = {
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  maxAttempts: Scalars['Int']['output'];
  nextAttemptAt: Scalars['DateTime']['output'];
  recipient: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** `QUEUED`, `SENDING`, `SENT` or `DEAD`. */
  status: Scalars['String']['output'];
  subject: Scalars['String']['output'];
};

export type Query = {
  /** Messages that failed their last attempt, newest first. Platform admins only. */
  deadEmails: Array<OutboxEmail>;
  /** One outbox message by id. Platform admins only. */
  outboxEmail: OutboxEmail;
  /** Version information; needs no authentication. */
  serverInfo: ServerInfo;
};


export type QueryDeadEmailsArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryOutboxEmailArgs = {
  id: Scalars['ID']['input'];
};

export type SendTestEmailInput = {
  /** Where to send the test message. */
  to: Scalars['String']['input'];
};

/** Facts about the running Beacon server. */
export type ServerInfo = {
  /** Version of the GraphQL API contract; bumped on breaking changes. */
  apiVersion: Scalars['String']['output'];
  /** Semantic version of the server build. */
  version: Scalars['String']['output'];
};

export type ServerInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerInfoQuery = { serverInfo: { version: string, apiVersion: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ServerInfoDocument = new TypedDocumentString(`
    query ServerInfo {
  serverInfo {
    version
    apiVersion
  }
}
    `) as unknown as TypedDocumentString<ServerInfoQuery, ServerInfoQueryVariables>;