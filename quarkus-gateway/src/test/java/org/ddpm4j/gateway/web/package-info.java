/** Tests of the web page in a real browser (headless Chromium). */
package org.ddpm4j.gateway.web;
