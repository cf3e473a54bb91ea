/** An example application on the Spring Boot starter, run by its test against the emulator. */
package io.inferlink.spring.boot.example;
