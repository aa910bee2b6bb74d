/**
 * The A2A 1.0 protocol: the operations of the specification's {@code lf.a2a.v1} proto ({@code
 * SendMessage}, {@code GetTask}, {@code ListTasks}, ...) over the same task service as A2A 0.3, the
 * JSON-RPC and HTTP+JSON bindings' request and error formats, version negotiation by the {@code
 * A2A-Version} header, and the 1.0 agent card with its optional JWS signature.
 *
 * <p>The wire types are the Java classes protoc generates from the specification's {@code
 * a2a.proto} ({@code com.google.lf.a2a.v1}), read and written as ProtoJSON by protobuf's {@code
 * JsonFormat}; {@link io.agentmetrics.a2a.v1.RequiredFields} enforces the proto's {@code REQUIRED}
 * field annotations on every request.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.v1;

import org.jspecify.annotations.NullMarked;
