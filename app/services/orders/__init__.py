"""Orders in: Shopify / WooCommerce CSV exports, the documented JSON, and storefront pushes over the API."""
