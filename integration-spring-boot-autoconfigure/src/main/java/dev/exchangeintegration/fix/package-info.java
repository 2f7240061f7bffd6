/**
 * FIX sessions as exchange streams, on QuickFIX/J: the {@code fix} protocol, its logon
 * signers and the {@code fix} parser format.
 */
@NullMarked
package dev.exchangeintegration.fix;

import org.jspecify.annotations.NullMarked;
