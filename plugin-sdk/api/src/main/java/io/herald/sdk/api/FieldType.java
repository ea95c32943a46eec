package io.herald.sdk.api;

/** How a configuration field is entered and checked. */
public enum FieldType {
    TEXT, MULTILINE, NUMBER, BOOLEAN, URL, EMAIL, CHOICE
}
