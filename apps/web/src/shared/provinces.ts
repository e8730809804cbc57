// Vietnam's 34 provincial-level units: the server's own list (libs/identity, which checks them), not a copy.
export { PROVINCES } from '../../../../libs/identity/src/pii/provinces';
