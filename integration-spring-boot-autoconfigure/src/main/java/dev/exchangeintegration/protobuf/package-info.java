/**
 * The {@code protobuf} format: frames parsed into generated protobuf message classes.
 */
@NullMarked
package dev.exchangeintegration.protobuf;

import org.jspecify.annotations.NullMarked;
