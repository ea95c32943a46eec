package io.herald.platform.internal.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.herald.platform.api.Json;
import io.herald.platform.api.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;

/**
 * Reads and writes JSON for every Herald resource with Herald's mapper, and turns a body the mapper rejects
 * into a 400 problem that names the field. Registered instead of the whiteboard's Jackson feature, whose
 * default mapper fails while JAXB annotations are still being wired at start-up.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsMediaType({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Produces({MediaType.APPLICATION_JSON, "application/problem+json", "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {

    @Activate
    public JsonProvider(@Reference Json json) {
        super(json.mapper());
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        try {
            Object value = super.readFrom(type, genericType, annotations, mediaType, httpHeaders, entityStream);
            if (value == null) {
                throw Problem.badRequest(null, "a JSON request body is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw toProblem(e);
        }
    }

    static Problem toProblem(JsonProcessingException e) {
        JsonParseException parse = cause(e, JsonParseException.class);
        if (parse != null) {
            // Also when the databind layer wrapped it (a value cut short or broken inside a record's property).
            String where = "line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return Problem.badRequest(null, parse instanceof JsonEOFException
                    ? "malformed JSON: unexpected end of input at " + where
                    : "malformed JSON at " + where);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.badRequest(path(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        InputCoercionException range = cause(e, InputCoercionException.class);
        if (range != null && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.badRequest(path(mapping), "out of range for " + simpleType(range.getTargetType()));
        }
        if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            if (!(invalid.getValue() instanceof String)) {
                // 42 where a string belongs, 1.5 where a whole number does: the JSON type is wrong.
                return Problem.badRequest(path(invalid), "wrong type: expected " + simpleType(invalid.getTargetType()));
            }
            return Problem.badRequest(path(invalid), "'" + invalid.getValue() + "' is not a valid "
                    + simpleType(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched) {
            if (mismatched.getPath().isEmpty()) {
                // The body as a whole: an array or a scalar instead of an object, or more after the value.
                return Problem.badRequest(null, "the body must be one JSON " + simpleType(mismatched.getTargetType()));
            }
            if (mismatched.getOriginalMessage() != null && mismatched.getOriginalMessage().startsWith("Cannot map `null`")) {
                // A primitive (int, boolean...) that is null or absent.
                return Problem.badRequest(path(mismatched), "required: expected "
                        + simpleType(mismatched.getTargetType()));
            }
            return Problem.badRequest(path(mismatched), "wrong type: expected "
                    + simpleType(mismatched.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.badRequest(path(mapping), "invalid value");
        }
        // Jackson's own message names Java classes: not for clients.
        return Problem.badRequest(null, "malformed JSON");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isEnum()) {
            // The names as the mapper accepts them (enums are case-sensitive).
            return "value (one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", ")) + ")";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type.getPackageName().equals("java.time")) {
            return "ISO-8601 " + (type == java.time.Duration.class ? "duration" : "date-time");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
