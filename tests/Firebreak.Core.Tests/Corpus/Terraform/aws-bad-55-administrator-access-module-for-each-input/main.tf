module "capability" {
  source = "./modules/role"
  name   = "ack-capability"
  policies = { # expect: FB2102
    AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"
  }
}
