package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.backend.escape.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEscapeTest {

    private static final List<String> HOSTILE =
            List.of(
                    "plain",
                    "quote \" here",
                    "back\\slash",
                    "dollar $HOME ${PATH} $(id) `id`",
                    "semi; rm -rf /",
                    "new\nline",
                    "tab\tand\rreturn",
                    "nul\u0000byte",
                    "bell\u0007",
                    "unicode é ✓ \u2028",
                    "'single'",
                    "");

    @Test
    void quote_roundTripsThroughARealJsonParser() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String s : HOSTILE) {
            assertEquals(s, mapper.readValue(Json.quote(s), String.class), "for " + s);
        }
        assertEquals(HOSTILE, List.of(mapper.readValue(Json.array(HOSTILE), String[].class)));
    }

    @Test
    void quote_leavesNoRawControlCharacter() {
        for (String s : HOSTILE) {
            assertEquals(-1, Json.quote(s).chars().filter(c -> c < 0x20).findFirst().orElse(-1), s);
        }
        assertEquals("\"a\\u0000b\"", Json.quote("a\u0000b"));
    }

    @Test
    void pretty_keepsMapOrder_andParsesBack() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", List.of(1, "two", true));
        value.put("a", Map.of());
        value.put("m", List.of());
        String text = Json.pretty(value);
        assertEquals(
                "{\n  \"z\": [\n    1,\n    \"two\",\n    true\n  ],\n  \"a\": {},\n  \"m\": []\n}\n",
                text);
        assertEquals(
                new ObjectMapper().readTree("{\"z\":[1,\"two\",true],\"a\":{},\"m\":[]}"),
                new ObjectMapper().readTree(text));
    }
}
