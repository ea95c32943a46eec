package io.herald.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Herald's one configured Jackson mapper: records, java.time as ISO-8601, unknown properties rejected. */
public interface Json {

    ObjectMapper mapper();

    String write(Object value);
}
