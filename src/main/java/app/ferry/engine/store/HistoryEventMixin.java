package app.ferry.engine.store;

import app.ferry.engine.HistoryEvent;
import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.PropertyFilter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;

/**
 * How history events are saved: an event with a code ({@link HistoryEvent#words()}) whose
 * {@code text} is the code's English word for word is saved without it; it comes back from the
 * code when the event is read. Events are in every line of the journal a task writes, and most have a
 * code: the English was saved twice in each. Events without a code (earlier versions', notes)
 * keep their {@code text}.
 */
@JsonFilter(HistoryEventMixin.FILTER)
interface HistoryEventMixin {

    String FILTER = "historyEvent";

    /** The filter the mapper needs for this mixin. */
    static SimpleFilterProvider filters() {
        return new SimpleFilterProvider().addFilter(FILTER, new TextOnlyWithoutWords());
    }

    /** Leaves out {@code text} when the event has words. */
    final class TextOnlyWithoutWords extends SimpleBeanPropertyFilter {

        @Override
        public void serializeAsField(Object pojo, JsonGenerator json, SerializerProvider provider, PropertyWriter writer)
                throws Exception {
            // Only when it is the code's English word for word: any other text would not come back.
            if (pojo instanceof HistoryEvent event && event.words() != null && writer.getName().equals("text")
                    && event.words().english().equals(event.text())) {
                return;
            }
            writer.serializeAsField(pojo, json, provider);
        }
    }
}
