/* Intentionally empty: see the shim meson.build files. */
int visio_msap_shim_placeholder;
