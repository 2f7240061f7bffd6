package dev.exchangeintegration.autoconfigure.parser;

import java.util.function.Supplier;

import dev.exchangeintegration.autoconfigure.ExchangeSettingsContext;
import dev.exchangeintegration.core.JsonProtocolParser;
import dev.exchangeintegration.core.ProtocolParser;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.type.TypeFactory;

import org.springframework.core.ResolvableType;

/**
 * The {@code json} format, the default: data binding with the application's
 * {@code JsonMapper}, straight from the frame's bytes, so Jackson annotations apply.
 * {@code JsonNode} gives the tree; {@code String} and {@code byte[]} give the payload
 * unparsed.
 */
public class JsonParserFactory implements ExchangeParserFactory {

	private final Supplier<? extends ObjectMapper> mapper;

	/**
	 * Create a new factory.
	 * @param mapper supplies the mapper to bind with, when the first parser is created
	 */
	public JsonParserFactory(Supplier<? extends ObjectMapper> mapper) {
		this.mapper = mapper;
	}

	@Override
	public String format() {
		return "json";
	}

	@Override
	public ProtocolParser<?> create(ResolvableType type, ExchangeSettingsContext context) {
		ObjectMapper mapper = this.mapper.get();
		return JsonProtocolParser.forType(mapper, javaType(mapper.getTypeFactory(), type));
	}

	static JavaType javaType(TypeFactory typeFactory, ResolvableType type) {
		if (type.isArray()) {
			return typeFactory.constructArrayType(javaType(typeFactory, type.getComponentType()));
		}
		Class<?> raw = type.toClass();
		ResolvableType[] generics = type.getGenerics();
		if (generics.length == 0 || type.hasUnresolvableGenerics()) {
			return typeFactory.constructType(raw);
		}
		JavaType[] parameters = new JavaType[generics.length];
		for (int i = 0; i < generics.length; i++) {
			parameters[i] = javaType(typeFactory, generics[i]);
		}
		return typeFactory.constructParametricType(raw, parameters);
	}

}
