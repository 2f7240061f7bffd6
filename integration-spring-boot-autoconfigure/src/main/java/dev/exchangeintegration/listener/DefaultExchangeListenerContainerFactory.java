package dev.exchangeintegration.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import dev.exchangeintegration.core.ConsumerSpec;
import dev.exchangeintegration.core.ExchangeStreamObserver;
import dev.exchangeintegration.listener.ExchangeStreamLookup.TypedStream;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.converter.GenericMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;

/**
 * Creates a container per listener: by default each listener gets a thread of its own,
 * named {@code exchange-listener-<id>} (a virtual thread when
 * {@link #setVirtualThreads(boolean) enabled}), and the exchange's buffer size and
 * overflow policy unless it sets its own; a {@code direct} listener runs on the
 * transport's thread. A method that takes the output alone is invoked through a method
 * handle; any other goes through a {@link MessageHandlerMethodFactory}, so that it can
 * take a {@code Message} and {@code @Header} parameters.
 */
public class DefaultExchangeListenerContainerFactory implements ExchangeListenerContainerFactory, BeanFactoryAware {

	private final ExchangeStreamObserver observer;

	private final Duration shutdownTimeout;

	private boolean virtualThreads;

	private @Nullable BeanFactory beanFactory;

	private @Nullable MessageHandlerMethodFactory handlerMethodFactory;

	/**
	 * Create a new instance.
	 * @param observer receives the exceptions of listeners that have no error handler
	 * @param shutdownTimeout how long {@link ExchangeListenerContainer#stop()} waits for
	 * a listener to drain
	 */
	public DefaultExchangeListenerContainerFactory(ExchangeStreamObserver observer, Duration shutdownTimeout) {
		this.observer = observer;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Set whether listener threads are virtual threads, which requires Java 21 or later.
	 * {@code false} by default.
	 * @param virtualThreads whether to use virtual threads
	 */
	public void setVirtualThreads(boolean virtualThreads) {
		this.virtualThreads = virtualThreads;
	}

	/**
	 * Set the factory of the invocable methods of listeners that take more than the
	 * output. By default a {@link DefaultMessageHandlerMethodFactory} that resolves
	 * {@code @Header} values with this factory's bean factory, and never takes an output
	 * for an empty payload.
	 * @param handlerMethodFactory the factory
	 */
	public void setMessageHandlerMethodFactory(MessageHandlerMethodFactory handlerMethodFactory) {
		this.handlerMethodFactory = handlerMethodFactory;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public ExchangeListenerContainer createListenerContainer(ExchangeListenerEndpoint endpoint, TypedStream stream) {
		ListenerMethodSignature signature = ListenerMethodSignature.of(endpoint);
		signature.checkOutputType(endpoint, stream.outputType());
		ListenerInvoker invoker = signature.isOutputOnly()
				? ListenerInvoker.forOutput(endpoint.bean(), endpoint.method())
				: ListenerInvoker.forMessage(
						handlerMethodFactory().createInvocableHandlerMethod(endpoint.bean(), endpoint.method()),
						endpoint.id());
		Executor executor = endpoint.direct() ? null : new ListenerThreadExecutor(endpoint.id(), this.virtualThreads);
		ConsumerSpec spec = new ConsumerSpec(endpoint.id(), endpoint.overflow(), 0, executor);
		return new DefaultExchangeListenerContainer(endpoint, stream.stream(), spec, invoker, errorHandler(endpoint),
				this.observer, this.shutdownTimeout);
	}

	private @Nullable ExchangeListenerErrorHandler errorHandler(ExchangeListenerEndpoint endpoint) {
		String name = endpoint.errorHandler();
		if (name == null) {
			return null;
		}
		if (this.beanFactory == null) {
			throw ListenerMethodSignature.fail(endpoint,
					"names errorHandler '" + name + "', but the container factory has no bean factory");
		}
		try {
			return this.beanFactory.getBean(name, ExchangeListenerErrorHandler.class);
		}
		catch (BeansException ex) {
			throw ListenerMethodSignature.fail(endpoint, "names errorHandler '" + name + "', but there is no "
					+ ExchangeListenerErrorHandler.class.getSimpleName() + " bean of that name: " + ex.getMessage());
		}
	}

	private synchronized MessageHandlerMethodFactory handlerMethodFactory() {
		if (this.handlerMethodFactory == null) {
			ConversionService conversionService = new DefaultFormattingConversionService();
			MessageConverter converter = new GenericMessageConverter(conversionService);
			DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
			factory.setConversionService(conversionService);
			factory.setMessageConverter(converter);
			factory.setCustomArgumentResolvers(List.of(new OutputArgumentResolver(converter)));
			if (this.beanFactory != null) {
				factory.setBeanFactory(this.beanFactory);
			}
			factory.afterPropertiesSet();
			this.handlerMethodFactory = factory;
		}
		return this.handlerMethodFactory;
	}

	/**
	 * Resolves the output parameter. Outputs are never null, so none is empty, not even
	 * an empty {@code String}, which Spring's resolver would reject.
	 */
	private static final class OutputArgumentResolver extends PayloadMethodArgumentResolver {

		OutputArgumentResolver(MessageConverter converter) {
			super(converter);
		}

		@Override
		protected boolean isEmptyPayload(@Nullable Object payload) {
			return payload == null;
		}

	}

	/**
	 * Starts a daemon thread per task, named after the listener; a virtual thread if
	 * enabled.
	 */
	private static final class ListenerThreadExecutor extends SimpleAsyncTaskExecutor {

		private final String threadName;

		ListenerThreadExecutor(String listenerId, boolean virtualThreads) {
			this.threadName = "exchange-listener-" + listenerId;
			setDaemon(true);
			setVirtualThreads(virtualThreads);
		}

		@Override
		protected String nextThreadName() {
			return this.threadName;
		}

	}

}
