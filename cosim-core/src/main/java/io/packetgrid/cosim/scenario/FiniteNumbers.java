package io.packetgrid.cosim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Scenario numbers must be finite: YAML reads {@code 1e400} as infinity and {@code .nan} as not a
 * number, and either would run to results that look valid (or to an infinite value written as a
 * string into summary.json). Jackson's own double and float readers, refusing what is not finite.
 */
final class FiniteNumbers {
    static final String NOT_FINITE = "not a finite number";

    private FiniteNumbers() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("finite-numbers");
        m.addDeserializer(Double.class, new Finite<>(new NumberDeserializers.DoubleDeserializer(Double.class, null), Double.class));
        m.addDeserializer(double.class, new Finite<>(new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.0), Double.class));
        m.addDeserializer(Float.class, new Finite<>(new NumberDeserializers.FloatDeserializer(Float.class, null), Float.class));
        m.addDeserializer(float.class, new Finite<>(new NumberDeserializers.FloatDeserializer(Float.TYPE, 0.0f), Float.class));
        return m;
    }

    /** Reads with Jackson's reader, then refuses infinities and NaN naming the text as written. */
    private static final class Finite<T extends Number> extends JsonDeserializer<T> {
        private final JsonDeserializer<T> inner;
        private final Class<?> type;

        Finite(JsonDeserializer<T> inner, Class<?> type) {
            this.inner = inner;
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getText();
            if (text != null && text.matches("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)")) {
                throw InvalidFormatException.from(p, NOT_FINITE, text, type); // YAML's infinity and NaN
            }
            T v = inner.deserialize(p, ctxt);
            if (v != null && !Double.isFinite(v.doubleValue())) {
                throw InvalidFormatException.from(p, NOT_FINITE, text, type);
            }
            return v;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return inner.getNullValue(ctxt);
        }
    }
}
