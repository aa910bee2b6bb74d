package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code params} to a DTO straight from its span of the request body, or turns it into a
 * {@code -32602} error whose message names the field by its path ({@code
 * params.message.parts[0].kind}).
 *
 * <p>Thread-safe.
 */
final class ParamsReader {

  /**
   * The most bytes binding one byte of params allocates, for its strings and the buffers Jackson
   * reads them through: about 3.6 for a long text, 6.9 for a long string in a data part, which is
   * kept as its JSON text ({@code ParamsReaderTest} checks the bound). Binding holds nothing it did
   * not allocate but the buffers Jackson recycles on each thread, so reserving this much before
   * binding never reserves too little.
   */
  static final int READ_BYTES_PER_BYTE = 8;

  private final ObjectMapper mapper;

  ParamsReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * What binding {@code params} may hold beyond the body, to reserve before it is read: {@value
   * #READ_BYTES_PER_BYTE} bytes per byte.
   */
  static long reading(Params params) {
    return (long) params.length() * READ_BYTES_PER_BYTE;
  }

  <T> T read(Params params, Class<T> type) {
    if (params.shape() == Params.Shape.MISSING) {
      throw invalid("params is required and must be an object");
    }
    if (params.shape() == Params.Shape.NOT_AN_OBJECT) {
      throw invalid("params must be an object");
    }
    try {
      return mapper.readValue(params.body(), params.offset(), params.length(), type);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      String why = cause != null && cause.getMessage() != null ? cause.getMessage() : "is invalid";
      throw invalid(path(e.getPath(), true) + why);
    } catch (MismatchedInputException e) {
      String path = path(e.getPath(), false);
      throw invalid(path + " has the wrong type; expected " + expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamConstraintsException) {
        // The envelope's pass already refuses what is past the limits; kept in case a limit
        // is only checked while binding.
        throw JsonBody.overLimits();
      }
      throw invalid(path(e.getPath(), false) + " is invalid");
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("params could not be read");
    }
  }

  static JsonRpcException invalid(String message) {
    return new JsonRpcException(JsonRpcErrorCode.INVALID_PARAMS, "Invalid params: " + message);
  }

  /** {@code params.a.b[0]}, with a trailing dot when a field name will follow. */
  private static String path(List<JsonMappingException.Reference> refs, boolean trailingDot) {
    StringBuilder path = new StringBuilder("params");
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return trailingDot ? path.append('.').toString() : path.toString();
  }

  private static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    return "an object";
  }
}
