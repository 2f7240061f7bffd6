/**
 * The sample's FIX side: an embedded FIX venue serving the capture's trades, and the
 * rolling volume computed from them over FIX.
 */
@NullMarked
package dev.exchangeintegration.sample.fix;

import org.jspecify.annotations.NullMarked;
